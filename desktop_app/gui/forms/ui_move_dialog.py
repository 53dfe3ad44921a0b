# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'move_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

from desktop_app.gui.widgets.org_picker import OrgPicker

class Ui_MoveDialog(object):
    def setupUi(self, MoveDialog):
        if not MoveDialog.objectName():
            MoveDialog.setObjectName(u"MoveDialog")
        MoveDialog.resize(520, 240)
        MoveDialog.setMinimumSize(QSize(480, 0))
        MoveDialog.setModal(True)
        self.mainLayout = QVBoxLayout(MoveDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(MoveDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setText(u"")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.formLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.currentLabel = QLabel(MoveDialog)
        self.currentLabel.setObjectName(u"currentLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.currentLabel)

        self.currentValue = QLabel(MoveDialog)
        self.currentValue.setObjectName(u"currentValue")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.currentValue.sizePolicy().hasHeightForWidth())
        self.currentValue.setSizePolicy(sizePolicy)
        self.currentValue.setText(u"\u2014")
        self.currentValue.setWordWrap(True)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.currentValue)

        self.parentLabel = QLabel(MoveDialog)
        self.parentLabel.setObjectName(u"parentLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parentCell = QVBoxLayout()
        self.parentCell.setSpacing(2)
        self.parentCell.setObjectName(u"parentCell")
        self.parentPicker = OrgPicker(MoveDialog)
        self.parentPicker.setObjectName(u"parentPicker")

        self.parentCell.addWidget(self.parentPicker)

        self.parentError = QLabel(MoveDialog)
        self.parentError.setObjectName(u"parentError")
        sizePolicy.setHeightForWidth(self.parentError.sizePolicy().hasHeightForWidth())
        self.parentError.setSizePolicy(sizePolicy)
        self.parentError.setText(u"")
        self.parentError.setWordWrap(True)

        self.parentCell.addWidget(self.parentError)


        self.formLayout.setLayout(1, QFormLayout.ItemRole.FieldRole, self.parentCell)


        self.mainLayout.addLayout(self.formLayout)

        self.noteLabel = QLabel(MoveDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)
        self.noteLabel.setProperty(u"role", u"caption")

        self.mainLayout.addWidget(self.noteLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(MoveDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.parentLabel.setBuddy(self.parentPicker)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.parentPicker, self.buttonBox)

        self.retranslateUi(MoveDialog)

        QMetaObject.connectSlotsByName(MoveDialog)
    # setupUi

    def retranslateUi(self, MoveDialog):
        MoveDialog.setWindowTitle(_(u"Move organization", None))
        self.currentLabel.setText(_(u"Now under:", None))
        self.parentLabel.setText(_(u"&Move under:", None))
        self.noteLabel.setText(_(u"Everything under it moves with it, and its activities, ratings and other records stay with it.", None))
    # retranslateUi

