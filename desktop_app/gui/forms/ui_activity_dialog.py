# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'activity_dialog.ui'
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
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

from desktop_app.gui.widgets.org_picker import OrgPicker

class Ui_ActivityDialog(object):
    def setupUi(self, ActivityDialog):
        if not ActivityDialog.objectName():
            ActivityDialog.setObjectName(u"ActivityDialog")
        ActivityDialog.resize(940, 640)
        ActivityDialog.setSizeGripEnabled(True)
        self.dialogLayout = QVBoxLayout(ActivityDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.noteLabel = QLabel(ActivityDialog)
        self.noteLabel.setObjectName(u"noteLabel")
        self.noteLabel.setWordWrap(True)
        self.noteLabel.setProperty(u"role", u"caption")

        self.dialogLayout.addWidget(self.noteLabel)

        self.generalError = QLabel(ActivityDialog)
        self.generalError.setObjectName(u"generalError")
        self.generalError.setWordWrap(True)
        self.generalError.setProperty(u"role", u"fieldError")

        self.dialogLayout.addWidget(self.generalError)

        self.columnsLayout = QHBoxLayout()
        self.columnsLayout.setSpacing(18)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.fieldsLayout = QGridLayout()
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setVerticalSpacing(4)
        self.orgLabel = QLabel(ActivityDialog)
        self.orgLabel.setObjectName(u"orgLabel")

        self.fieldsLayout.addWidget(self.orgLabel, 0, 0, 1, 1)

        self.orgPicker = OrgPicker(ActivityDialog)
        self.orgPicker.setObjectName(u"orgPicker")

        self.fieldsLayout.addWidget(self.orgPicker, 0, 1, 1, 1)

        self.orgError = QLabel(ActivityDialog)
        self.orgError.setObjectName(u"orgError")

        self.fieldsLayout.addWidget(self.orgError, 1, 1, 1, 1)

        self.typeLabel = QLabel(ActivityDialog)
        self.typeLabel.setObjectName(u"typeLabel")

        self.fieldsLayout.addWidget(self.typeLabel, 2, 0, 1, 1)

        self.typeBox = QComboBox(ActivityDialog)
        self.typeBox.setObjectName(u"typeBox")

        self.fieldsLayout.addWidget(self.typeBox, 2, 1, 1, 1)

        self.typeError = QLabel(ActivityDialog)
        self.typeError.setObjectName(u"typeError")

        self.fieldsLayout.addWidget(self.typeError, 3, 1, 1, 1)

        self.dateLabel = QLabel(ActivityDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.fieldsLayout.addWidget(self.dateLabel, 4, 0, 1, 1)

        self.dateEdit = QDateEdit(ActivityDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.dateEdit.setCalendarPopup(True)

        self.fieldsLayout.addWidget(self.dateEdit, 4, 1, 1, 1)

        self.dateError = QLabel(ActivityDialog)
        self.dateError.setObjectName(u"dateError")

        self.fieldsLayout.addWidget(self.dateError, 5, 1, 1, 1)

        self.themeLabel = QLabel(ActivityDialog)
        self.themeLabel.setObjectName(u"themeLabel")

        self.fieldsLayout.addWidget(self.themeLabel, 6, 0, 1, 1)

        self.themeEdit = QLineEdit(ActivityDialog)
        self.themeEdit.setObjectName(u"themeEdit")

        self.fieldsLayout.addWidget(self.themeEdit, 6, 1, 1, 1)

        self.themeError = QLabel(ActivityDialog)
        self.themeError.setObjectName(u"themeError")

        self.fieldsLayout.addWidget(self.themeError, 7, 1, 1, 1)

        self.categoryLabel = QLabel(ActivityDialog)
        self.categoryLabel.setObjectName(u"categoryLabel")

        self.fieldsLayout.addWidget(self.categoryLabel, 8, 0, 1, 1)

        self.categoryBox = QComboBox(ActivityDialog)
        self.categoryBox.setObjectName(u"categoryBox")

        self.fieldsLayout.addWidget(self.categoryBox, 8, 1, 1, 1)

        self.categoryError = QLabel(ActivityDialog)
        self.categoryError.setObjectName(u"categoryError")

        self.fieldsLayout.addWidget(self.categoryError, 9, 1, 1, 1)

        self.placeLabel = QLabel(ActivityDialog)
        self.placeLabel.setObjectName(u"placeLabel")

        self.fieldsLayout.addWidget(self.placeLabel, 10, 0, 1, 1)

        self.placeEdit = QLineEdit(ActivityDialog)
        self.placeEdit.setObjectName(u"placeEdit")

        self.fieldsLayout.addWidget(self.placeEdit, 10, 1, 1, 1)

        self.hostLabel = QLabel(ActivityDialog)
        self.hostLabel.setObjectName(u"hostLabel")

        self.fieldsLayout.addWidget(self.hostLabel, 11, 0, 1, 1)

        self.hostEdit = QLineEdit(ActivityDialog)
        self.hostEdit.setObjectName(u"hostEdit")

        self.fieldsLayout.addWidget(self.hostEdit, 11, 1, 1, 1)

        self.expectedLabel = QLabel(ActivityDialog)
        self.expectedLabel.setObjectName(u"expectedLabel")

        self.fieldsLayout.addWidget(self.expectedLabel, 12, 0, 1, 1)

        self.attendanceLayout = QHBoxLayout()
        self.attendanceLayout.setSpacing(10)
        self.attendanceLayout.setObjectName(u"attendanceLayout")
        self.expectedSpin = QSpinBox(ActivityDialog)
        self.expectedSpin.setObjectName(u"expectedSpin")
        self.expectedSpin.setMinimum(-1)
        self.expectedSpin.setMaximum(100000)
        self.expectedSpin.setValue(-1)

        self.attendanceLayout.addWidget(self.expectedSpin)

        self.actualLabel = QLabel(ActivityDialog)
        self.actualLabel.setObjectName(u"actualLabel")

        self.attendanceLayout.addWidget(self.actualLabel)

        self.actualSpin = QSpinBox(ActivityDialog)
        self.actualSpin.setObjectName(u"actualSpin")
        self.actualSpin.setMinimum(-1)
        self.actualSpin.setMaximum(100000)
        self.actualSpin.setValue(-1)

        self.attendanceLayout.addWidget(self.actualSpin)

        self.attendanceSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.attendanceLayout.addItem(self.attendanceSpacer)


        self.fieldsLayout.addLayout(self.attendanceLayout, 12, 1, 1, 1)

        self.expectedError = QLabel(ActivityDialog)
        self.expectedError.setObjectName(u"expectedError")

        self.fieldsLayout.addWidget(self.expectedError, 13, 1, 1, 1)

        self.actualError = QLabel(ActivityDialog)
        self.actualError.setObjectName(u"actualError")

        self.fieldsLayout.addWidget(self.actualError, 14, 1, 1, 1)

        self.featuredCheck = QCheckBox(ActivityDialog)
        self.featuredCheck.setObjectName(u"featuredCheck")

        self.fieldsLayout.addWidget(self.featuredCheck, 15, 1, 1, 1)

        self.summaryLabel = QLabel(ActivityDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")

        self.fieldsLayout.addWidget(self.summaryLabel, 16, 0, 1, 2)

        self.summaryEdit = QPlainTextEdit(ActivityDialog)
        self.summaryEdit.setObjectName(u"summaryEdit")
        self.summaryEdit.setTabChangesFocus(True)

        self.fieldsLayout.addWidget(self.summaryEdit, 17, 0, 1, 2)


        self.columnsLayout.addLayout(self.fieldsLayout)

        self.rightLayout = QVBoxLayout()
        self.rightLayout.setObjectName(u"rightLayout")
        self.dimensionsGroup = QGroupBox(ActivityDialog)
        self.dimensionsGroup.setObjectName(u"dimensionsGroup")
        self.dimensionsLayout = QGridLayout(self.dimensionsGroup)
        self.dimensionsLayout.setObjectName(u"dimensionsLayout")

        self.rightLayout.addWidget(self.dimensionsGroup)

        self.dimensionsError = QLabel(ActivityDialog)
        self.dimensionsError.setObjectName(u"dimensionsError")

        self.rightLayout.addWidget(self.dimensionsError)

        self.filesGroup = QGroupBox(ActivityDialog)
        self.filesGroup.setObjectName(u"filesGroup")
        self.filesLayout = QVBoxLayout(self.filesGroup)
        self.filesLayout.setObjectName(u"filesLayout")
        self.fileList = QListWidget(self.filesGroup)
        self.fileList.setObjectName(u"fileList")
        self.fileList.setMinimumSize(QSize(0, 70))

        self.filesLayout.addWidget(self.fileList)

        self.fileButtonsLayout = QHBoxLayout()
        self.fileButtonsLayout.setObjectName(u"fileButtonsLayout")
        self.addFileButton = QPushButton(self.filesGroup)
        self.addFileButton.setObjectName(u"addFileButton")

        self.fileButtonsLayout.addWidget(self.addFileButton)

        self.openFileButton = QPushButton(self.filesGroup)
        self.openFileButton.setObjectName(u"openFileButton")

        self.fileButtonsLayout.addWidget(self.openFileButton)

        self.removeFileButton = QPushButton(self.filesGroup)
        self.removeFileButton.setObjectName(u"removeFileButton")

        self.fileButtonsLayout.addWidget(self.removeFileButton)

        self.fileButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.fileButtonsLayout.addItem(self.fileButtonsSpacer)


        self.filesLayout.addLayout(self.fileButtonsLayout)


        self.rightLayout.addWidget(self.filesGroup)


        self.columnsLayout.addLayout(self.rightLayout)

        self.columnsLayout.setStretch(0, 5)
        self.columnsLayout.setStretch(1, 4)

        self.dialogLayout.addLayout(self.columnsLayout)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.duplicateButton = QPushButton(ActivityDialog)
        self.duplicateButton.setObjectName(u"duplicateButton")
        self.duplicateButton.setAutoDefault(False)

        self.buttonsLayout.addWidget(self.duplicateButton)

        self.buttonBox = QDialogButtonBox(ActivityDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.buttonsLayout.addWidget(self.buttonBox)


        self.dialogLayout.addLayout(self.buttonsLayout)

#if QT_CONFIG(shortcut)
        self.orgLabel.setBuddy(self.orgPicker)
        self.typeLabel.setBuddy(self.typeBox)
        self.dateLabel.setBuddy(self.dateEdit)
        self.themeLabel.setBuddy(self.themeEdit)
        self.categoryLabel.setBuddy(self.categoryBox)
        self.placeLabel.setBuddy(self.placeEdit)
        self.hostLabel.setBuddy(self.hostEdit)
        self.expectedLabel.setBuddy(self.expectedSpin)
        self.actualLabel.setBuddy(self.actualSpin)
        self.summaryLabel.setBuddy(self.summaryEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.orgPicker, self.typeBox)
        QWidget.setTabOrder(self.typeBox, self.dateEdit)
        QWidget.setTabOrder(self.dateEdit, self.themeEdit)
        QWidget.setTabOrder(self.themeEdit, self.categoryBox)
        QWidget.setTabOrder(self.categoryBox, self.placeEdit)
        QWidget.setTabOrder(self.placeEdit, self.hostEdit)
        QWidget.setTabOrder(self.hostEdit, self.expectedSpin)
        QWidget.setTabOrder(self.expectedSpin, self.actualSpin)
        QWidget.setTabOrder(self.actualSpin, self.featuredCheck)
        QWidget.setTabOrder(self.featuredCheck, self.summaryEdit)
        QWidget.setTabOrder(self.summaryEdit, self.fileList)
        QWidget.setTabOrder(self.fileList, self.addFileButton)
        QWidget.setTabOrder(self.addFileButton, self.openFileButton)
        QWidget.setTabOrder(self.openFileButton, self.removeFileButton)
        QWidget.setTabOrder(self.removeFileButton, self.duplicateButton)
        QWidget.setTabOrder(self.duplicateButton, self.buttonBox)

        self.retranslateUi(ActivityDialog)

        QMetaObject.connectSlotsByName(ActivityDialog)
    # setupUi

    def retranslateUi(self, ActivityDialog):
        ActivityDialog.setWindowTitle(_(u"Activity", None))
        self.noteLabel.setText("")
        self.generalError.setText("")
        self.orgLabel.setText(_(u"&Organization:", None))
#if QT_CONFIG(tooltip)
        self.orgPicker.setToolTip(_(u"The organization that held the activity", None))
#endif // QT_CONFIG(tooltip)
        self.orgError.setText("")
        self.typeLabel.setText(_(u"&Type:", None))
        self.typeError.setText("")
        self.dateLabel.setText(_(u"&Date:", None))
        self.dateError.setText("")
        self.themeLabel.setText(_(u"T&heme:", None))
        self.themeEdit.setPlaceholderText(_(u"The title of the activity", None))
        self.themeError.setText("")
        self.categoryLabel.setText(_(u"&Category:", None))
#if QT_CONFIG(tooltip)
        self.categoryBox.setToolTip(_(u"Theme party days only", None))
#endif // QT_CONFIG(tooltip)
        self.categoryError.setText("")
        self.placeLabel.setText(_(u"&Place:", None))
        self.hostLabel.setText(_(u"Ho&st:", None))
        self.hostEdit.setPlaceholderText(_(u"Who chaired or gave it", None))
        self.expectedLabel.setText(_(u"E&xpected:", None))
#if QT_CONFIG(tooltip)
        self.expectedSpin.setToolTip(_(u"Members expected to attend; leave blank if not known", None))
#endif // QT_CONFIG(tooltip)
        self.actualLabel.setText(_(u"Attend&ed:", None))
#if QT_CONFIG(tooltip)
        self.actualSpin.setToolTip(_(u"Members who attended; leave blank if not known", None))
#endif // QT_CONFIG(tooltip)
        self.expectedError.setText("")
        self.actualError.setText("")
        self.featuredCheck.setText(_(u"&Featured case", None))
#if QT_CONFIG(tooltip)
        self.featuredCheck.setToolTip(_(u"Chosen as one of the year's featured cases", None))
#endif // QT_CONFIG(tooltip)
        self.summaryLabel.setText(_(u"S&ummary or minutes:", None))
        self.dimensionsGroup.setTitle(_(u"Dimensions of education it serves", None))
        self.dimensionsError.setText("")
        self.filesGroup.setTitle(_(u"Files (photos, sign-in sheets)", None))
        self.addFileButton.setText(_(u"Add &file\u2026", None))
#if QT_CONFIG(tooltip)
        self.addFileButton.setToolTip(_(u"Attach a photo or a sign-in sheet", None))
#endif // QT_CONFIG(tooltip)
        self.openFileButton.setText(_(u"O&pen", None))
        self.removeFileButton.setText(_(u"&Remove", None))
        self.duplicateButton.setText(_(u"Duplicate this a&ctivity", None))
#if QT_CONFIG(tooltip)
        self.duplicateButton.setToolTip(_(u"Record a copy of this activity dated today, and edit the copy", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

