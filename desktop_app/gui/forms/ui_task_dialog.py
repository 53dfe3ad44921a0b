# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'task_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_TaskDialog(object):
    def setupUi(self, TaskDialog):
        if not TaskDialog.objectName():
            TaskDialog.setObjectName(u"TaskDialog")
        TaskDialog.setMinimumSize(QSize(620, 0))
        TaskDialog.setModal(True)
        self.mainLayout = QVBoxLayout(TaskDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formError = QLabel(TaskDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)

        self.mainLayout.addWidget(self.formError)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.titleLabel = QLabel(TaskDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleColumn = QVBoxLayout()
        self.titleColumn.setSpacing(2)
        self.titleColumn.setObjectName(u"titleColumn")
        self.titleEdit = QLineEdit(TaskDialog)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setClearButtonEnabled(True)

        self.titleColumn.addWidget(self.titleEdit)

        self.titleError = QLabel(TaskDialog)
        self.titleError.setObjectName(u"titleError")
        self.titleError.setWordWrap(True)

        self.titleColumn.addWidget(self.titleError)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.titleColumn)

        self.sectionLabel = QLabel(TaskDialog)
        self.sectionLabel.setObjectName(u"sectionLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sectionLabel)

        self.sectionColumn = QVBoxLayout()
        self.sectionColumn.setSpacing(2)
        self.sectionColumn.setObjectName(u"sectionColumn")
        self.sectionBox = QComboBox(TaskDialog)
        self.sectionBox.setObjectName(u"sectionBox")
        self.sectionBox.setEditable(True)
        self.sectionBox.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.sectionColumn.addWidget(self.sectionBox)

        self.sectionError = QLabel(TaskDialog)
        self.sectionError.setObjectName(u"sectionError")
        self.sectionError.setWordWrap(True)

        self.sectionColumn.addWidget(self.sectionError)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.sectionColumn)

        self.leadLabel = QLabel(TaskDialog)
        self.leadLabel.setObjectName(u"leadLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.leadLabel)

        self.leadColumn = QVBoxLayout()
        self.leadColumn.setSpacing(2)
        self.leadColumn.setObjectName(u"leadColumn")
        self.leadBox = QComboBox(TaskDialog)
        self.leadBox.setObjectName(u"leadBox")
        self.leadBox.setEditable(True)
        self.leadBox.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.leadColumn.addWidget(self.leadBox)

        self.leadError = QLabel(TaskDialog)
        self.leadError.setObjectName(u"leadError")
        self.leadError.setWordWrap(True)

        self.leadColumn.addWidget(self.leadError)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.leadColumn)

        self.cooperatingLabel = QLabel(TaskDialog)
        self.cooperatingLabel.setObjectName(u"cooperatingLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.cooperatingLabel)

        self.cooperatingColumn = QVBoxLayout()
        self.cooperatingColumn.setSpacing(2)
        self.cooperatingColumn.setObjectName(u"cooperatingColumn")
        self.cooperatingEdit = QLineEdit(TaskDialog)
        self.cooperatingEdit.setObjectName(u"cooperatingEdit")
        self.cooperatingEdit.setClearButtonEnabled(True)

        self.cooperatingColumn.addWidget(self.cooperatingEdit)

        self.cooperatingError = QLabel(TaskDialog)
        self.cooperatingError.setObjectName(u"cooperatingError")
        self.cooperatingError.setWordWrap(True)

        self.cooperatingColumn.addWidget(self.cooperatingError)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.cooperatingColumn)

        self.deadlineLabel = QLabel(TaskDialog)
        self.deadlineLabel.setObjectName(u"deadlineLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.deadlineLabel)

        self.deadlineColumn = QVBoxLayout()
        self.deadlineColumn.setSpacing(2)
        self.deadlineColumn.setObjectName(u"deadlineColumn")
        self.deadlineRow = QHBoxLayout()
        self.deadlineRow.setObjectName(u"deadlineRow")
        self.deadlineEdit = QDateEdit(TaskDialog)
        self.deadlineEdit.setObjectName(u"deadlineEdit")
        self.deadlineEdit.setCalendarPopup(True)
        self.deadlineEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.deadlineRow.addWidget(self.deadlineEdit)

        self.noDeadlineBox = QCheckBox(TaskDialog)
        self.noDeadlineBox.setObjectName(u"noDeadlineBox")

        self.deadlineRow.addWidget(self.noDeadlineBox)


        self.deadlineColumn.addLayout(self.deadlineRow)

        self.deadlineError = QLabel(TaskDialog)
        self.deadlineError.setObjectName(u"deadlineError")
        self.deadlineError.setWordWrap(True)

        self.deadlineColumn.addWidget(self.deadlineError)


        self.form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.deadlineColumn)

        self.statusLabel = QLabel(TaskDialog)
        self.statusLabel.setObjectName(u"statusLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.statusLabel)

        self.statusColumn = QVBoxLayout()
        self.statusColumn.setSpacing(2)
        self.statusColumn.setObjectName(u"statusColumn")
        self.statusBox = QComboBox(TaskDialog)
        self.statusBox.setObjectName(u"statusBox")

        self.statusColumn.addWidget(self.statusBox)

        self.statusError = QLabel(TaskDialog)
        self.statusError.setObjectName(u"statusError")
        self.statusError.setWordWrap(True)

        self.statusColumn.addWidget(self.statusError)


        self.form.setLayout(5, QFormLayout.ItemRole.FieldRole, self.statusColumn)


        self.mainLayout.addLayout(self.form)

        self.bottomSpacer = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(TaskDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.sectionLabel.setBuddy(self.sectionBox)
        self.leadLabel.setBuddy(self.leadBox)
        self.cooperatingLabel.setBuddy(self.cooperatingEdit)
        self.deadlineLabel.setBuddy(self.deadlineEdit)
        self.statusLabel.setBuddy(self.statusBox)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.titleEdit, self.sectionBox)
        QWidget.setTabOrder(self.sectionBox, self.leadBox)
        QWidget.setTabOrder(self.leadBox, self.cooperatingEdit)
        QWidget.setTabOrder(self.cooperatingEdit, self.deadlineEdit)
        QWidget.setTabOrder(self.deadlineEdit, self.noDeadlineBox)
        QWidget.setTabOrder(self.noDeadlineBox, self.statusBox)
        QWidget.setTabOrder(self.statusBox, self.buttonBox)

        self.retranslateUi(TaskDialog)

        QMetaObject.connectSlotsByName(TaskDialog)
    # setupUi

    def retranslateUi(self, TaskDialog):
        TaskDialog.setWindowTitle(_(u"Task", None))
        self.titleLabel.setText(_(u"&Task:", None))
        self.titleEdit.setPlaceholderText(_(u"What is to be done", None))
        self.sectionLabel.setText(_(u"&Section:", None))
        self.leadLabel.setText(_(u"&Lead department:", None))
        self.cooperatingLabel.setText(_(u"&Cooperating departments:", None))
        self.cooperatingEdit.setPlaceholderText(_(u"Separate departments with \u3001", None))
        self.deadlineLabel.setText(_(u"&Deadline:", None))
        self.noDeadlineBox.setText(_(u"&No deadline", None))
        self.statusLabel.setText(_(u"St&atus:", None))
    # retranslateUi

