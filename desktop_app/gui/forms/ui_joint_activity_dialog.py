# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'joint_activity_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
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
    QDateEdit, QDialog, QDialogButtonBox, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget)

class Ui_JointActivityDialog(object):
    def setupUi(self, JointActivityDialog):
        if not JointActivityDialog.objectName():
            JointActivityDialog.setObjectName(u"JointActivityDialog")
        JointActivityDialog.resize(940, 620)
        JointActivityDialog.setSizeGripEnabled(True)
        self.dialogLayout = QVBoxLayout(JointActivityDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(JointActivityDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)
        self.introLabel.setProperty(u"role", u"caption")

        self.dialogLayout.addWidget(self.introLabel)

        self.generalError = QLabel(JointActivityDialog)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setWordWrap(True)
        self.generalError.setProperty(u"role", u"fieldError")

        self.dialogLayout.addWidget(self.generalError)

        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setSpacing(18)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.branchesGroup = QGroupBox(JointActivityDialog)
        self.branchesGroup.setObjectName(u"branchesGroup")
        self.branchesLayout = QVBoxLayout(self.branchesGroup)
        self.branchesLayout.setObjectName(u"branchesLayout")
        self.branchTree = QTreeWidget(self.branchesGroup)
        __qtreewidgetitem = QTreeWidgetItem()
        __qtreewidgetitem.setText(0, u"1")
        self.branchTree.setHeaderItem(__qtreewidgetitem)
        self.branchTree.setObjectName(u"branchTree")
        self.branchTree.setHeaderHidden(True)

        self.branchesLayout.addWidget(self.branchTree)

        self.selectLayout = QHBoxLayout()
        self.selectLayout.setObjectName(u"selectLayout")
        self.selectAllButton = QPushButton(self.branchesGroup)
        self.selectAllButton.setObjectName(u"selectAllButton")
        self.selectAllButton.setAutoDefault(False)

        self.selectLayout.addWidget(self.selectAllButton)

        self.selectNoneButton = QPushButton(self.branchesGroup)
        self.selectNoneButton.setObjectName(u"selectNoneButton")
        self.selectNoneButton.setAutoDefault(False)

        self.selectLayout.addWidget(self.selectNoneButton)

        self.chosenLabel = QLabel(self.branchesGroup)
        self.chosenLabel.setObjectName(u"chosenLabel")
        self.chosenLabel.setProperty(u"role", u"caption")

        self.selectLayout.addWidget(self.chosenLabel)

        self.selectSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.selectLayout.addItem(self.selectSpacer)


        self.branchesLayout.addLayout(self.selectLayout)

        self.branchesError = QLabel(self.branchesGroup)
        self.branchesError.setObjectName(u"branchesError")

        self.branchesLayout.addWidget(self.branchesError)


        self.columnsLayout.addWidget(self.branchesGroup)

        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setVerticalSpacing(4)
        self.dateLabel = QLabel(JointActivityDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.fieldsLayout.addWidget(self.dateLabel, 0, 0, 1, 1)

        self.dateEdit = QDateEdit(JointActivityDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.dateEdit.setCalendarPopup(True)

        self.fieldsLayout.addWidget(self.dateEdit, 0, 1, 1, 1)

        self.dateError = QLabel(JointActivityDialog)
        self.dateError.setObjectName(u"dateError")

        self.fieldsLayout.addWidget(self.dateError, 1, 1, 1, 1)

        self.themeLabel = QLabel(JointActivityDialog)
        self.themeLabel.setObjectName(u"themeLabel")

        self.fieldsLayout.addWidget(self.themeLabel, 2, 0, 1, 1)

        self.themeEdit = QLineEdit(JointActivityDialog)
        self.themeEdit.setObjectName(u"themeEdit")

        self.fieldsLayout.addWidget(self.themeEdit, 2, 1, 1, 1)

        self.themeError = QLabel(JointActivityDialog)
        self.themeError.setObjectName(u"themeError")

        self.fieldsLayout.addWidget(self.themeError, 3, 1, 1, 1)

        self.categoryLabel = QLabel(JointActivityDialog)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.fieldsLayout.addWidget(self.categoryLabel, 4, 0, 1, 1)

        self.categoryBox = QComboBox(JointActivityDialog)
        self.categoryBox.setObjectName(u"categoryBox")

        self.fieldsLayout.addWidget(self.categoryBox, 4, 1, 1, 1)

        self.categoryError = QLabel(JointActivityDialog)
        self.categoryError.setObjectName(u"categoryError")

        self.fieldsLayout.addWidget(self.categoryError, 5, 1, 1, 1)

        self.placeLabel = QLabel(JointActivityDialog)
        self.placeLabel.setObjectName(u"placeLabel")

        self.fieldsLayout.addWidget(self.placeLabel, 6, 0, 1, 1)

        self.placeEdit = QLineEdit(JointActivityDialog)
        self.placeEdit.setObjectName(u"placeEdit")

        self.fieldsLayout.addWidget(self.placeEdit, 6, 1, 1, 1)

        self.hostLabel = QLabel(JointActivityDialog)
        self.hostLabel.setObjectName(u"hostLabel")

        self.fieldsLayout.addWidget(self.hostLabel, 7, 0, 1, 1)

        self.hostEdit = QLineEdit(JointActivityDialog)
        self.hostEdit.setObjectName(u"hostEdit")

        self.fieldsLayout.addWidget(self.hostEdit, 7, 1, 1, 1)

        self.featuredCheck = QCheckBox(JointActivityDialog)
        self.featuredCheck.setObjectName(u"featuredCheck")

        self.fieldsLayout.addWidget(self.featuredCheck, 8, 1, 1, 1)

        self.dimensionsGroup = QGroupBox(JointActivityDialog)
        self.dimensionsGroup.setObjectName(u"dimensionsGroup")
        self.dimensionsLayout = QGridLayout(self.dimensionsGroup)
        self.dimensionsLayout.setObjectName(u"dimensionsLayout")

        self.fieldsLayout.addWidget(self.dimensionsGroup, 9, 0, 1, 2)

        self.dimensionsError = QLabel(JointActivityDialog)
        self.dimensionsError.setObjectName(u"dimensionsError")

        self.fieldsLayout.addWidget(self.dimensionsError, 10, 0, 1, 2)

        self.summaryLabel = QLabel(JointActivityDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.fieldsLayout.addWidget(self.summaryLabel, 11, 0, 1, 2)

        self.summaryEdit = QPlainTextEdit(JointActivityDialog)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setTabChangesFocus(True)

        self.fieldsLayout.addWidget(self.summaryEdit, 12, 0, 1, 2)


        self.columnsLayout.addLayout(self.fieldsLayout)

        self.columnsLayout.setStretch(0, 4)
        self.columnsLayout.setStretch(1, 5)

        self.dialogLayout.addLayout(self.columnsLayout)

        self.buttonBox = QDialogButtonBox(JointActivityDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.dateLabel.setBuddy(self.dateEdit)
        self.themeLabel.setBuddy(self.themeEdit)
        self.categoryLabel.setBuddy(self.categoryBox)
        self.placeLabel.setBuddy(self.placeEdit)
        self.hostLabel.setBuddy(self.hostEdit)
        self.summaryLabel.setBuddy(self.summaryEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.branchTree, self.selectAllButton)
        QWidget.setTabOrder(self.selectAllButton, self.selectNoneButton)
        QWidget.setTabOrder(self.selectNoneButton, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.themeEdit)
        QWidget.setTabOrder(self.themeEdit, self.categoryBox)
        QWidget.setTabOrder(self.categoryBox, self.placeEdit)
        QWidget.setTabOrder(self.placeEdit, self.hostEdit)
        QWidget.setTabOrder(self.hostEdit, self.featuredCheck)
        QWidget.setTabOrder(self.featuredCheck, self.summaryEdit)
        QWidget.setTabOrder(self.summaryEdit, self.buttonBox)

        self.retranslateUi(JointActivityDialog)

        QMetaObject.connectSlotsByName(JointActivityDialog)
    # setupUi

    def retranslateUi(self, JointActivityDialog):
        JointActivityDialog.setWindowTitle(_(u"Joint theme party day", None))
        self.introLabel.setText(_(u"One theme party day held together by several branches: it is recorded once for each branch you tick, all in one step.", None))
        self.generalError.setText("")
        self.branchesGroup.setTitle(_(u"Branches taking part", None))
#if QT_CONFIG(tooltip)
        self.branchTree.setToolTip(_(u"Tick a college to choose every branch under it", None))
#endif // QT_CONFIG(tooltip)
        self.selectAllButton.setText(_(u"Select &all", None))
        self.selectNoneButton.setText(_(u"Select &none", None))
        self.chosenLabel.setText("")
        self.branchesError.setText("")
        self.dateLabel.setText(_(u"&Date:", None))
        self.dateError.setText("")
        self.themeLabel.setText(_(u"T&heme:", None))
        self.themeEdit.setPlaceholderText(_(u"The title of the activity", None))
        self.themeError.setText("")
        self.categoryLabel.setText(_(u"&Category:", None))
        self.categoryError.setText("")
        self.placeLabel.setText(_(u"&Place:", None))
        self.hostLabel.setText(_(u"Ho&st:", None))
        self.hostEdit.setPlaceholderText(_(u"Who chaired or gave it", None))
        self.featuredCheck.setText(_(u"&Featured case", None))
        self.dimensionsGroup.setTitle(_(u"Dimensions of education it serves", None))
        self.dimensionsError.setText("")
        self.summaryLabel.setText(_(u"S&ummary or minutes:", None))
    # retranslateUi

