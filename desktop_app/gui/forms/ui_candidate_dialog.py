# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'candidate_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.12.0
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

from desktop_app.gui.widgets.org_picker import OrgPicker

class Ui_CandidateDialog(object):
    def setupUi(self, CandidateDialog):
        if not CandidateDialog.objectName():
            CandidateDialog.setObjectName(u"CandidateDialog")
        CandidateDialog.setMinimumSize(QSize(560, 0))
        CandidateDialog.setModal(True)
        self.mainLayout = QVBoxLayout(CandidateDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formError = QLabel(CandidateDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)

        self.mainLayout.addWidget(self.formError)

        self.introLabel = QLabel(CandidateDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.levelLabel = QLabel(CandidateDialog)
        self.levelLabel.setObjectName(u"levelLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.levelLabel)

        self.levelColumn = QVBoxLayout()
        self.levelColumn.setSpacing(2)
        self.levelColumn.setObjectName(u"levelColumn")
        self.levelBox = QComboBox(CandidateDialog)
        self.levelBox.setObjectName(u"levelBox")

        self.levelColumn.addWidget(self.levelBox)

        self.levelError = QLabel(CandidateDialog)
        self.levelError.setObjectName(u"levelError")
        self.levelError.setWordWrap(True)

        self.levelColumn.addWidget(self.levelError)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.levelColumn)

        self.gradeLabel = QLabel(CandidateDialog)
        self.gradeLabel.setObjectName(u"gradeLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.gradeLabel)

        self.gradeColumn = QVBoxLayout()
        self.gradeColumn.setSpacing(2)
        self.gradeColumn.setObjectName(u"gradeColumn")
        self.gradeBox = QComboBox(CandidateDialog)
        self.gradeBox.setObjectName(u"gradeBox")

        self.gradeColumn.addWidget(self.gradeBox)

        self.gradeError = QLabel(CandidateDialog)
        self.gradeError.setObjectName(u"gradeError")
        self.gradeError.setWordWrap(True)

        self.gradeColumn.addWidget(self.gradeError)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.gradeColumn)

        self.orgLabel = QLabel(CandidateDialog)
        self.orgLabel.setObjectName(u"orgLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.orgLabel)

        self.orgColumn = QVBoxLayout()
        self.orgColumn.setSpacing(2)
        self.orgColumn.setObjectName(u"orgColumn")
        self.orgBox = OrgPicker(CandidateDialog)
        self.orgBox.setObjectName(u"orgBox")

        self.orgColumn.addWidget(self.orgBox)

        self.orgError = QLabel(CandidateDialog)
        self.orgError.setObjectName(u"orgError")
        self.orgError.setWordWrap(True)

        self.orgColumn.addWidget(self.orgError)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.orgColumn)

        self.statusLabel = QLabel(CandidateDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusColumn = QVBoxLayout()
        self.statusColumn.setSpacing(2)
        self.statusColumn.setObjectName(u"statusColumn")
        self.statusBox = QComboBox(CandidateDialog)
        self.statusBox.setObjectName(u"statusBox")

        self.statusColumn.addWidget(self.statusBox)

        self.statusError = QLabel(CandidateDialog)
        self.statusError.setObjectName(u"statusError")
        self.statusError.setWordWrap(True)

        self.statusColumn.addWidget(self.statusError)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.statusColumn)

        self.dateLabel = QLabel(CandidateDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateColumn = QVBoxLayout()
        self.dateColumn.setSpacing(2)
        self.dateColumn.setObjectName(u"dateColumn")
        self.dateEdit = QDateEdit(CandidateDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.dateColumn.addWidget(self.dateEdit)

        self.dateError = QLabel(CandidateDialog)
        self.dateError.setObjectName(u"dateError")
        self.dateError.setWordWrap(True)

        self.dateColumn.addWidget(self.dateError)


        self.form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.dateColumn)

        self.noteLabel = QLabel(CandidateDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteColumn = QVBoxLayout()
        self.noteColumn.setSpacing(2)
        self.noteColumn.setObjectName(u"noteColumn")
        self.noteEdit = QLineEdit(CandidateDialog)
        self.noteEdit.setObjectName(u"noteEdit")
        self.noteEdit.setClearButtonEnabled(True)

        self.noteColumn.addWidget(self.noteEdit)

        self.noteError = QLabel(CandidateDialog)
        self.noteError.setObjectName(u"noteError")
        self.noteError.setWordWrap(True)

        self.noteColumn.addWidget(self.noteError)


        self.form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.noteColumn)


        self.mainLayout.addLayout(self.form)

        self.bottomSpacer = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(CandidateDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.levelLabel.setBuddy(self.levelBox)
        self.gradeLabel.setBuddy(self.gradeBox)
        self.orgLabel.setBuddy(self.orgBox)
        self.statusLabel.setBuddy(self.statusBox)
        self.dateLabel.setBuddy(self.dateEdit)
        self.noteLabel.setBuddy(self.noteEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.levelBox, self.gradeBox)
        QWidget.setTabOrder(self.gradeBox, self.orgBox)
        QWidget.setTabOrder(self.orgBox, self.statusBox)
        QWidget.setTabOrder(self.statusBox, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.noteEdit)
        QWidget.setTabOrder(self.noteEdit, self.buttonBox)

        self.retranslateUi(CandidateDialog)

        QMetaObject.connectSlotsByName(CandidateDialog)
    # setupUi

    def retranslateUi(self, CandidateDialog):
        CandidateDialog.setWindowTitle(_(u"New candidate", None))
        self.introLabel.setText(_(u"Enter an organization for a level and grade of the campaign, at the step it has reached.", None))
        self.levelLabel.setText(_(u"&Level:", None))
        self.gradeLabel.setText(_(u"&Grade:", None))
        self.orgLabel.setText(_(u"&Organization:", None))
        self.statusLabel.setText(_(u"&Step reached:", None))
        self.dateLabel.setText(_(u"&Date of that step:", None))
        self.noteLabel.setText(_(u"&Note:", None))
        self.noteEdit.setPlaceholderText(_(u"e.g. first group of candidates", None))
    # retranslateUi

