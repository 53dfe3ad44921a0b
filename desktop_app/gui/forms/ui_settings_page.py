# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'settings_page.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QFormLayout, QFrame,
    QGridLayout, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_SettingsPage(object):
    def setupUi(self, SettingsPage):
        if not SettingsPage.objectName():
            SettingsPage.setObjectName(u"SettingsPage")
        SettingsPage.resize(1100, 720)
        self.pageLayout = QVBoxLayout(SettingsPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(18, 14, 18, 10)
        self.titleLabel = QLabel(SettingsPage)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setProperty(u"role", u"pageTitle")

        self.pageLayout.addWidget(self.titleLabel)

        self.scrollArea = QScrollArea(SettingsPage)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setFrameShape(QFrame.NoFrame)
        self.scrollArea.setWidgetResizable(True)
        self.scrollContents = QWidget()
        self.scrollContents.setObjectName(u"scrollContents")
        self.columnsLayout = QHBoxLayout(self.scrollContents)
        self.columnsLayout.setSpacing(14)
        self.columnsLayout.setObjectName(u"columnsLayout")
        self.columnsLayout.setContentsMargins(0, 4, 4, 4)
        self.leftColumn = QVBoxLayout()
        self.leftColumn.setSpacing(14)
        self.leftColumn.setObjectName(u"leftColumn")
        self.frequencyGroup = QGroupBox(self.scrollContents)
        self.frequencyGroup.setObjectName(u"frequencyGroup")
        self.frequencyLayout = QVBoxLayout(self.frequencyGroup)
        self.frequencyLayout.setObjectName(u"frequencyLayout")
        self.frequencyIntro = QLabel(self.frequencyGroup)
        self.frequencyIntro.setObjectName(u"frequencyIntro")
        self.frequencyIntro.setWordWrap(True)
        self.frequencyIntro.setProperty(u"role", u"caption")

        self.frequencyLayout.addWidget(self.frequencyIntro)

        self.frequencyGrid = QGridLayout()
        self.frequencyGrid.setObjectName(u"frequencyGrid")
        self.frequencyGrid.setHorizontalSpacing(10)
        self.frequencyGrid.setVerticalSpacing(6)

        self.frequencyLayout.addLayout(self.frequencyGrid)

        self.frequencyButtons = QHBoxLayout()
        self.frequencyButtons.setObjectName(u"frequencyButtons")
        self.unsavedLabel = QLabel(self.frequencyGroup)
        self.unsavedLabel.setObjectName(u"unsavedLabel")
        self.unsavedLabel.setProperty(u"role", u"fieldError")

        self.frequencyButtons.addWidget(self.unsavedLabel)

        self.frequencySpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.frequencyButtons.addItem(self.frequencySpacer)

        self.revertButton = QPushButton(self.frequencyGroup)
        self.revertButton.setObjectName(u"revertButton")

        self.frequencyButtons.addWidget(self.revertButton)

        self.saveButton = QPushButton(self.frequencyGroup)
        self.saveButton.setObjectName(u"saveButton")

        self.frequencyButtons.addWidget(self.saveButton)


        self.frequencyLayout.addLayout(self.frequencyButtons)


        self.leftColumn.addWidget(self.frequencyGroup)

        self.languageGroup = QGroupBox(self.scrollContents)
        self.languageGroup.setObjectName(u"languageGroup")
        self.languageForm = QFormLayout(self.languageGroup)
        self.languageForm.setObjectName(u"languageForm")
        self.languageForm.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        self.languageLabel = QLabel(self.languageGroup)
        self.languageLabel.setObjectName(u"languageLabel")

        self.languageForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageCombo = QComboBox(self.languageGroup)
        self.languageCombo.setObjectName(u"languageCombo")

        self.languageForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.languageCombo)

        self.languageNote = QLabel(self.languageGroup)
        self.languageNote.setObjectName(u"languageNote")
        self.languageNote.setWordWrap(True)
        self.languageNote.setProperty(u"role", u"caption")

        self.languageForm.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.languageNote)


        self.leftColumn.addWidget(self.languageGroup)

        self.backupGroup = QGroupBox(self.scrollContents)
        self.backupGroup.setObjectName(u"backupGroup")
        self.backupLayout = QVBoxLayout(self.backupGroup)
        self.backupLayout.setObjectName(u"backupLayout")
        self.backupNote = QLabel(self.backupGroup)
        self.backupNote.setObjectName(u"backupNote")
        self.backupNote.setWordWrap(True)
        self.backupNote.setProperty(u"role", u"caption")

        self.backupLayout.addWidget(self.backupNote)

        self.backupFolderRow = QHBoxLayout()
        self.backupFolderRow.setObjectName(u"backupFolderRow")
        self.backupFolderLabel = QLabel(self.backupGroup)
        self.backupFolderLabel.setObjectName(u"backupFolderLabel")

        self.backupFolderRow.addWidget(self.backupFolderLabel)

        self.backupFolderValue = QLineEdit(self.backupGroup)
        self.backupFolderValue.setObjectName(u"backupFolderValue")
        self.backupFolderValue.setReadOnly(True)

        self.backupFolderRow.addWidget(self.backupFolderValue)


        self.backupLayout.addLayout(self.backupFolderRow)

        self.backupButtons = QHBoxLayout()
        self.backupButtons.setObjectName(u"backupButtons")
        self.chooseBackupFolderButton = QPushButton(self.backupGroup)
        self.chooseBackupFolderButton.setObjectName(u"chooseBackupFolderButton")

        self.backupButtons.addWidget(self.chooseBackupFolderButton)

        self.defaultBackupFolderButton = QPushButton(self.backupGroup)
        self.defaultBackupFolderButton.setObjectName(u"defaultBackupFolderButton")

        self.backupButtons.addWidget(self.defaultBackupFolderButton)

        self.backUpNowButton = QPushButton(self.backupGroup)
        self.backUpNowButton.setObjectName(u"backUpNowButton")

        self.backupButtons.addWidget(self.backUpNowButton)

        self.backupButtonsSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.backupButtons.addItem(self.backupButtonsSpacer)


        self.backupLayout.addLayout(self.backupButtons)


        self.leftColumn.addWidget(self.backupGroup)

        self.leftSpacer = QSpacerItem(10, 10, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.leftColumn.addItem(self.leftSpacer)


        self.columnsLayout.addLayout(self.leftColumn)

        self.rightColumn = QVBoxLayout()
        self.rightColumn.setObjectName(u"rightColumn")
        self.ledgerGroup = QGroupBox(self.scrollContents)
        self.ledgerGroup.setObjectName(u"ledgerGroup")
        self.ledgerLayout = QVBoxLayout(self.ledgerGroup)
        self.ledgerLayout.setObjectName(u"ledgerLayout")
        self.ledgerForm = QFormLayout()
        self.ledgerForm.setObjectName(u"ledgerForm")
        self.ledgerForm.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.pathLabel = QLabel(self.ledgerGroup)
        self.pathLabel.setObjectName(u"pathLabel")

        self.ledgerForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.pathLabel)

        self.pathValue = QLineEdit(self.ledgerGroup)
        self.pathValue.setObjectName(u"pathValue")
        self.pathValue.setReadOnly(True)

        self.ledgerForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.pathValue)

        self.sizeLabel = QLabel(self.ledgerGroup)
        self.sizeLabel.setObjectName(u"sizeLabel")

        self.ledgerForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.sizeLabel)

        self.sizeValue = QLabel(self.ledgerGroup)
        self.sizeValue.setObjectName(u"sizeValue")
        self.sizeValue.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.ledgerForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.sizeValue)

        self.attachmentsLabel = QLabel(self.ledgerGroup)
        self.attachmentsLabel.setObjectName(u"attachmentsLabel")

        self.ledgerForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.attachmentsLabel)

        self.attachmentsValue = QLineEdit(self.ledgerGroup)
        self.attachmentsValue.setObjectName(u"attachmentsValue")
        self.attachmentsValue.setReadOnly(True)

        self.ledgerForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.attachmentsValue)

        self.migrationsLabel = QLabel(self.ledgerGroup)
        self.migrationsLabel.setObjectName(u"migrationsLabel")

        self.ledgerForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.migrationsLabel)

        self.migrationsValue = QLabel(self.ledgerGroup)
        self.migrationsValue.setObjectName(u"migrationsValue")
        self.migrationsValue.setWordWrap(True)
        self.migrationsValue.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.ledgerForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.migrationsValue)


        self.ledgerLayout.addLayout(self.ledgerForm)

        self.countsLabel = QLabel(self.ledgerGroup)
        self.countsLabel.setObjectName(u"countsLabel")
        self.countsLabel.setProperty(u"role", u"caption")

        self.ledgerLayout.addWidget(self.countsLabel)

        self.countsView = QTableView(self.ledgerGroup)
        self.countsView.setObjectName(u"countsView")

        self.ledgerLayout.addWidget(self.countsView)

        self.ledgerButtons = QHBoxLayout()
        self.ledgerButtons.setObjectName(u"ledgerButtons")
        self.openFolderButton = QPushButton(self.ledgerGroup)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.ledgerButtons.addWidget(self.openFolderButton)

        self.checkButton = QPushButton(self.ledgerGroup)
        self.checkButton.setObjectName(u"checkButton")

        self.ledgerButtons.addWidget(self.checkButton)

        self.ledgerSpacer = QSpacerItem(20, 10, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.ledgerButtons.addItem(self.ledgerSpacer)


        self.ledgerLayout.addLayout(self.ledgerButtons)

        self.checkSummary = QLabel(self.ledgerGroup)
        self.checkSummary.setObjectName(u"checkSummary")
        self.checkSummary.setWordWrap(True)

        self.ledgerLayout.addWidget(self.checkSummary)

        self.checkResult = QPlainTextEdit(self.ledgerGroup)
        self.checkResult.setObjectName(u"checkResult")
        self.checkResult.setMinimumSize(QSize(0, 160))
        self.checkResult.setReadOnly(True)

        self.ledgerLayout.addWidget(self.checkResult)


        self.rightColumn.addWidget(self.ledgerGroup)


        self.columnsLayout.addLayout(self.rightColumn)

        self.columnsLayout.setStretch(0, 2)
        self.columnsLayout.setStretch(1, 3)
        self.scrollArea.setWidget(self.scrollContents)

        self.pageLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.languageLabel.setBuddy(self.languageCombo)
        self.backupFolderLabel.setBuddy(self.backupFolderValue)
        self.pathLabel.setBuddy(self.pathValue)
        self.sizeLabel.setBuddy(self.sizeValue)
        self.attachmentsLabel.setBuddy(self.attachmentsValue)
        self.migrationsLabel.setBuddy(self.migrationsValue)
        self.countsLabel.setBuddy(self.countsView)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.revertButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.languageCombo)
        QWidget.setTabOrder(self.languageCombo, self.pathValue)
        QWidget.setTabOrder(self.pathValue, self.attachmentsValue)
        QWidget.setTabOrder(self.attachmentsValue, self.countsView)
        QWidget.setTabOrder(self.countsView, self.openFolderButton)
        QWidget.setTabOrder(self.openFolderButton, self.chooseBackupFolderButton)
        QWidget.setTabOrder(self.chooseBackupFolderButton, self.defaultBackupFolderButton)
        QWidget.setTabOrder(self.defaultBackupFolderButton, self.backUpNowButton)
        QWidget.setTabOrder(self.backUpNowButton, self.checkButton)
        QWidget.setTabOrder(self.checkButton, self.checkResult)

        self.retranslateUi(SettingsPage)

        QMetaObject.connectSlotsByName(SettingsPage)
    # setupUi

    def retranslateUi(self, SettingsPage):
        self.titleLabel.setText(_(u"Settings", None))
        self.frequencyGroup.setTitle(_(u"Required meetings", None))
        self.frequencyIntro.setText(_(u"How often every branch must hold each kind of meeting at least. The dashboard's reminders and the ledger check follow these rules; the defaults come from the Regulations on the Work of Party Branches.", None))
        self.unsavedLabel.setText(_(u"Unsaved changes", None))
#if QT_CONFIG(tooltip)
        self.revertButton.setToolTip(_(u"Put back the frequencies saved in the ledger", None))
#endif // QT_CONFIG(tooltip)
        self.revertButton.setText(_(u"&Revert", None))
#if QT_CONFIG(tooltip)
        self.saveButton.setToolTip(_(u"Save the frequencies in the ledger", None))
#endif // QT_CONFIG(tooltip)
        self.saveButton.setText(_(u"&Save", None))
        self.languageGroup.setTitle(_(u"Interface language", None))
        self.languageLabel.setText(_(u"&Language:", None))
#if QT_CONFIG(tooltip)
        self.languageCombo.setToolTip(_(u"The language of menus, pages and messages", None))
#endif // QT_CONFIG(tooltip)
        self.languageNote.setText(_(u"A new language is used the next time Party Ledger starts.", None))
        self.backupGroup.setTitle(_(u"Backups", None))
        self.backupNote.setText(_(u"A copy of the ledger is made when the program starts (once a day) and when it closes; the last 7 daily and 12 monthly copies are kept. Point the folder at a USB drive or a network share to keep them off this PC.", None))
        self.backupFolderLabel.setText(_(u"&Folder:", None))
        self.chooseBackupFolderButton.setText(_(u"Choose folder\u2026", None))
        self.defaultBackupFolderButton.setText(_(u"Beside the ledger", None))
        self.backUpNowButton.setText(_(u"Back up now", None))
        self.ledgerGroup.setTitle(_(u"Ledger file", None))
        self.pathLabel.setText(_(u"File:", None))
        self.sizeLabel.setText(_(u"Size:", None))
        self.attachmentsLabel.setText(_(u"Attachments folder:", None))
#if QT_CONFIG(tooltip)
        self.attachmentsValue.setToolTip(_(u"Photos and sign-in sheets attached to activities are copied here", None))
#endif // QT_CONFIG(tooltip)
        self.migrationsLabel.setText(_(u"Schema changes:", None))
        self.countsLabel.setText(_(u"Records in the ledger:", None))
#if QT_CONFIG(tooltip)
        self.openFolderButton.setToolTip(_(u"Open the folder that holds the ledger file and its attached files", None))
#endif // QT_CONFIG(tooltip)
        self.openFolderButton.setText(_(u"&Open data folder", None))
#if QT_CONFIG(tooltip)
        self.checkButton.setToolTip(_(u"Check the file's integrity and list the required meetings branches have not held this year", None))
#endif // QT_CONFIG(tooltip)
        self.checkButton.setText(_(u"&Check the ledger", None))
        self.checkResult.setPlaceholderText(_(u"Press \u201cCheck the ledger\u201d to check the file and its records, and to list the required meetings branches have not held in the year shown.", None))
        pass
    # retranslateUi

