# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'dissolve_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_DissolveDialog(object):
    def setupUi(self, DissolveDialog):
        if not DissolveDialog.objectName():
            DissolveDialog.setObjectName(u"DissolveDialog")
        DissolveDialog.resize(480, 220)
        DissolveDialog.setMinimumSize(QSize(480, 0))
        DissolveDialog.setModal(True)
        self.mainLayout = QVBoxLayout(DissolveDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(DissolveDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setText(u"")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.dateLabel = QLabel(DissolveDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateCell = QVBoxLayout()
        self.dateCell.setSpacing(2)
        self.dateCell.setObjectName(u"dateCell")
        self.dateEdit = QDateEdit(DissolveDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.dateEdit.setMinimumSize(QSize(140, 0))

        self.dateCell.addWidget(self.dateEdit)

        self.dateError = QLabel(DissolveDialog)
        self.dateError.setObjectName(u"dateError")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.dateError.sizePolicy().hasHeightForWidth())
        self.dateError.setSizePolicy(sizePolicy)
        self.dateError.setText(u"")
        self.dateError.setWordWrap(True)

        self.dateCell.addWidget(self.dateError)


        self.formLayout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.dateCell)


        self.mainLayout.addLayout(self.formLayout)

        self.noteLabel = QLabel(DissolveDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)
        self.noteLabel.setProperty(u"role", u"caption")

        self.mainLayout.addWidget(self.noteLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(DissolveDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.dateEdit, self.buttonBox)

        self.retranslateUi(DissolveDialog)

        QMetaObject.connectSlotsByName(DissolveDialog)
    # setupUi

    def retranslateUi(self, DissolveDialog):
        DissolveDialog.setWindowTitle(_(u"Dissolve organization", None))
        self.dateLabel.setText(_(u"Dissolved &on:", None))
        self.noteLabel.setText(_(u"Its records stay in the ledger and in the statistics of past years. You can reinstate it later.", None))
    # retranslateUi

