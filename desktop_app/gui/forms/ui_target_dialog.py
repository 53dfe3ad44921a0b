# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'target_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_TargetDialog(object):
    def setupUi(self, TargetDialog):
        if not TargetDialog.objectName():
            TargetDialog.setObjectName(u"TargetDialog")
        TargetDialog.setMinimumSize(QSize(460, 0))
        TargetDialog.setModal(True)
        self.mainLayout = QVBoxLayout(TargetDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formError = QLabel(TargetDialog)
        self.formError.setObjectName(u"formError")
        self.formError.setWordWrap(True)

        self.mainLayout.addWidget(self.formError)

        self.introLabel = QLabel(TargetDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.levelLabel = QLabel(TargetDialog)
        self.levelLabel.setObjectName(u"levelLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.levelLabel)

        self.levelColumn = QVBoxLayout()
        self.levelColumn.setSpacing(2)
        self.levelColumn.setObjectName(u"levelColumn")
        self.levelBox = QComboBox(TargetDialog)
        self.levelBox.setObjectName(u"levelBox")

        self.levelColumn.addWidget(self.levelBox)

        self.levelError = QLabel(TargetDialog)
        self.levelError.setObjectName(u"levelError")
        self.levelError.setWordWrap(True)

        self.levelColumn.addWidget(self.levelError)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.levelColumn)

        self.gradeLabel = QLabel(TargetDialog)
        self.gradeLabel.setObjectName(u"gradeLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.gradeLabel)

        self.gradeColumn = QVBoxLayout()
        self.gradeColumn.setSpacing(2)
        self.gradeColumn.setObjectName(u"gradeColumn")
        self.gradeBox = QComboBox(TargetDialog)
        self.gradeBox.setObjectName(u"gradeBox")

        self.gradeColumn.addWidget(self.gradeBox)

        self.gradeError = QLabel(TargetDialog)
        self.gradeError.setObjectName(u"gradeError")
        self.gradeError.setWordWrap(True)

        self.gradeColumn.addWidget(self.gradeError)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.gradeColumn)

        self.periodLabel = QLabel(TargetDialog)
        self.periodLabel.setObjectName(u"periodLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.periodLabel)

        self.periodColumn = QVBoxLayout()
        self.periodColumn.setSpacing(2)
        self.periodColumn.setObjectName(u"periodColumn")
        self.periodEdit = QLineEdit(TargetDialog)
        self.periodEdit.setObjectName(u"periodEdit")
        self.periodEdit.setClearButtonEnabled(True)

        self.periodColumn.addWidget(self.periodEdit)

        self.periodError = QLabel(TargetDialog)
        self.periodError.setObjectName(u"periodError")
        self.periodError.setWordWrap(True)

        self.periodColumn.addWidget(self.periodError)


        self.form.setLayout(2, QFormLayout.ItemRole.FieldRole, self.periodColumn)

        self.targetLabel = QLabel(TargetDialog)
        self.targetLabel.setObjectName(u"targetLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.targetLabel)

        self.targetColumn = QVBoxLayout()
        self.targetColumn.setSpacing(2)
        self.targetColumn.setObjectName(u"targetColumn")
        self.targetBox = QSpinBox(TargetDialog)
        self.targetBox.setObjectName(u"targetBox")
        self.targetBox.setMaximum(999)

        self.targetColumn.addWidget(self.targetBox)

        self.targetError = QLabel(TargetDialog)
        self.targetError.setObjectName(u"targetError")
        self.targetError.setWordWrap(True)

        self.targetColumn.addWidget(self.targetError)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.targetColumn)


        self.mainLayout.addLayout(self.form)

        self.bottomSpacer = QSpacerItem(0, 8, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(TargetDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.levelLabel.setBuddy(self.levelBox)
        self.gradeLabel.setBuddy(self.gradeBox)
        self.periodLabel.setBuddy(self.periodEdit)
        self.targetLabel.setBuddy(self.targetBox)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.levelBox, self.gradeBox)
        QWidget.setTabOrder(self.gradeBox, self.periodEdit)
        QWidget.setTabOrder(self.periodEdit, self.targetBox)
        QWidget.setTabOrder(self.targetBox, self.buttonBox)

        self.retranslateUi(TargetDialog)

        QMetaObject.connectSlotsByName(TargetDialog)
    # setupUi

    def retranslateUi(self, TargetDialog):
        TargetDialog.setWindowTitle(_(u"Creation target", None))
        self.introLabel.setText(_(u"How many organizations of a level and grade the plan aims to see accepted in a period.", None))
        self.levelLabel.setText(_(u"&Level:", None))
        self.gradeLabel.setText(_(u"&Grade:", None))
        self.periodLabel.setText(_(u"&Period:", None))
        self.periodEdit.setPlaceholderText(_(u"e.g. 2021-2023 (may stay empty)", None))
        self.targetLabel.setText(_(u"&Target:", None))
    # retranslateUi

