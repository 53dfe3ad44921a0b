# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'advance_dialog.ui'
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
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_AdvanceDialog(object):
    def setupUi(self, AdvanceDialog):
        if not AdvanceDialog.objectName():
            AdvanceDialog.setObjectName(u"AdvanceDialog")
        AdvanceDialog.setMinimumSize(QSize(480, 0))
        AdvanceDialog.setModal(True)
        self.mainLayout = QVBoxLayout(AdvanceDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formError = QLabel(AdvanceDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)

        self.mainLayout.addWidget(self.formError)

        self.candidateLabel = QLabel(AdvanceDialog)
        self.candidateLabel.setObjectName(u"candidateLabel")
        self.candidateLabel.setWordWrap(True)
        self.candidateLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.mainLayout.addWidget(self.candidateLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.statusLabel = QLabel(AdvanceDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusColumn = QVBoxLayout()
        self.statusColumn.setSpacing(2)
        self.statusColumn.setObjectName(u"statusColumn")
        self.statusBox = QComboBox(AdvanceDialog)
        self.statusBox.setObjectName(u"statusBox")

        self.statusColumn.addWidget(self.statusBox)

        self.statusError = QLabel(AdvanceDialog)
        self.statusError.setObjectName(u"statusError")
        self.statusError.setWordWrap(True)

        self.statusColumn.addWidget(self.statusError)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.statusColumn)

        self.dateLabel = QLabel(AdvanceDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateColumn = QVBoxLayout()
        self.dateColumn.setSpacing(2)
        self.dateColumn.setObjectName(u"dateColumn")
        self.dateEdit = QDateEdit(AdvanceDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.dateColumn.addWidget(self.dateEdit)

        self.dateError = QLabel(AdvanceDialog)
        self.dateError.setObjectName(u"dateError")
        self.dateError.setWordWrap(True)

        self.dateColumn.addWidget(self.dateError)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.dateColumn)


        self.mainLayout.addLayout(self.form)

        self.bottomSpacer = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(AdvanceDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.statusLabel.setBuddy(self.statusBox)
        self.dateLabel.setBuddy(self.dateEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.statusBox, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.buttonBox)

        self.retranslateUi(AdvanceDialog)

        QMetaObject.connectSlotsByName(AdvanceDialog)
    # setupUi

    def retranslateUi(self, AdvanceDialog):
        AdvanceDialog.setWindowTitle(_(u"Advance candidate", None))
        self.statusLabel.setText(_(u"&Next step:", None))
        self.dateLabel.setText(_(u"&Date:", None))
    # retranslateUi

