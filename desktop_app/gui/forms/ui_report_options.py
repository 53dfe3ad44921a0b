# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_options.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateEdit, QFormLayout,
    QFrame, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

from desktop_app.gui.widgets.org_picker import OrgPicker

class Ui_ReportOptions(object):
    def setupUi(self, ReportOptions):
        if not ReportOptions.objectName():
            ReportOptions.setObjectName(u"ReportOptions")
        ReportOptions.resize(330, 560)
        ReportOptions.setProperty(u"role", u"card")
        self.optionsLayout = QVBoxLayout(ReportOptions)
        self.optionsLayout.setSpacing(8)
        self.optionsLayout.setObjectName(u"optionsLayout")
        self.optionsLayout.setContentsMargins(14, 10, 14, 12)
        self.optionsTitle = QLabel(ReportOptions)
        self.optionsTitle.setObjectName(u"optionsTitle")

        self.optionsLayout.addWidget(self.optionsTitle)

        self.optionsIntro = QLabel(ReportOptions)
        self.optionsIntro.setObjectName(u"optionsIntro")
        self.optionsIntro.setWordWrap(True)
        self.optionsIntro.setProperty(u"role", u"caption")

        self.optionsLayout.addWidget(self.optionsIntro)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.formLayout.setRowWrapPolicy(QFormLayout.DontWrapRows)
        self.formLayout.setHorizontalSpacing(8)
        self.formLayout.setVerticalSpacing(6)
        self.kindLabel = QLabel(ReportOptions)
        self.kindLabel.setObjectName(u"kindLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindBox = QComboBox(ReportOptions)
        self.kindBox.setObjectName(u"kindBox")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kindBox)

        self.kindNote = QLabel(ReportOptions)
        self.kindNote.setObjectName(u"kindNote")
        self.kindNote.setWordWrap(True)
        self.kindNote.setProperty(u"role", u"caption")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindNote)

        self.yearLabel = QLabel(ReportOptions)
        self.yearLabel.setObjectName(u"yearLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.yearLabel)

        self.yearBox = QSpinBox(ReportOptions)
        self.yearBox.setObjectName(u"yearBox")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.yearBox)

        self.scopeLabel = QLabel(ReportOptions)
        self.scopeLabel.setObjectName(u"scopeLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.scopeLabel)

        self.scopeBox = OrgPicker(ReportOptions)
        self.scopeBox.setObjectName(u"scopeBox")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.scopeBox)

        self.scopeError = QLabel(ReportOptions)
        self.scopeError.setObjectName(u"scopeError")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.scopeError)

        self.asOfLabel = QLabel(ReportOptions)
        self.asOfLabel.setObjectName(u"asOfLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.asOfLabel)

        self.asOfBox = QDateEdit(ReportOptions)
        self.asOfBox.setObjectName(u"asOfBox")
        self.asOfBox.setDisplayFormat(u"yyyy-MM-dd")
        self.asOfBox.setCalendarPopup(True)

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.asOfBox)

        self.languageLabel = QLabel(ReportOptions)
        self.languageLabel.setObjectName(u"languageLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.languageLabel)

        self.languageBox = QComboBox(ReportOptions)
        self.languageBox.setObjectName(u"languageBox")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.languageBox)

        self.fontsLabel = QLabel(ReportOptions)
        self.fontsLabel.setObjectName(u"fontsLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.fontsLabel)

        self.fontsBox = QComboBox(ReportOptions)
        self.fontsBox.setObjectName(u"fontsBox")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.fontsBox)

        self.fontsNote = QLabel(ReportOptions)
        self.fontsNote.setObjectName(u"fontsNote")
        self.fontsNote.setWordWrap(True)
        self.fontsNote.setProperty(u"role", u"caption")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.fontsNote)


        self.optionsLayout.addLayout(self.formLayout)

        self.generateButton = QPushButton(ReportOptions)
        self.generateButton.setObjectName(u"generateButton")

        self.optionsLayout.addWidget(self.generateButton)

        self.statusLabel = QLabel(ReportOptions)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)
        self.statusLabel.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.statusLabel.setProperty(u"role", u"caption")

        self.optionsLayout.addWidget(self.statusLabel)

        self.bottomSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.optionsLayout.addItem(self.bottomSpacer)

#if QT_CONFIG(shortcut)
        self.kindLabel.setBuddy(self.kindBox)
        self.yearLabel.setBuddy(self.yearBox)
        self.scopeLabel.setBuddy(self.scopeBox)
        self.asOfLabel.setBuddy(self.asOfBox)
        self.languageLabel.setBuddy(self.languageBox)
        self.fontsLabel.setBuddy(self.fontsBox)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.kindBox, self.yearBox)
        QWidget.setTabOrder(self.yearBox, self.scopeBox)
        QWidget.setTabOrder(self.scopeBox, self.asOfBox)
        QWidget.setTabOrder(self.asOfBox, self.languageBox)
        QWidget.setTabOrder(self.languageBox, self.fontsBox)
        QWidget.setTabOrder(self.fontsBox, self.generateButton)

        self.retranslateUi(ReportOptions)

        self.generateButton.setDefault(True)


        QMetaObject.connectSlotsByName(ReportOptions)
    # setupUi

    def retranslateUi(self, ReportOptions):
        self.optionsTitle.setText(_(u"PDF report", None))
        self.optionsIntro.setText(_(u"A document for review meetings, on A4 in the official layout, with the figures of the statistics.", None))
        self.kindLabel.setText(_(u"&Kind:", None))
#if QT_CONFIG(tooltip)
        self.kindBox.setToolTip(_(u"What the report contains", None))
#endif // QT_CONFIG(tooltip)
        self.yearLabel.setText(_(u"&Year:", None))
#if QT_CONFIG(tooltip)
        self.yearBox.setToolTip(_(u"The year the report covers", None))
#endif // QT_CONFIG(tooltip)
        self.scopeLabel.setText(_(u"&Scope:", None))
#if QT_CONFIG(tooltip)
        self.scopeBox.setToolTip(_(u"One organization and everything under it, or the whole ledger", None))
#endif // QT_CONFIG(tooltip)
        self.asOfLabel.setText(_(u"As &of:", None))
#if QT_CONFIG(tooltip)
        self.asOfBox.setToolTip(_(u"The day the figures are taken: months after it are not yet due, and tasks and committee terms are judged on it", None))
#endif // QT_CONFIG(tooltip)
        self.languageLabel.setText(_(u"&Language:", None))
#if QT_CONFIG(tooltip)
        self.languageBox.setToolTip(_(u"The language the report is written in", None))
#endif // QT_CONFIG(tooltip)
        self.fontsLabel.setText(_(u"&Fonts:", None))
        self.generateButton.setText(_(u"&Generate PDF\u2026", None))
#if QT_CONFIG(tooltip)
        self.generateButton.setToolTip(_(u"Choose where to save the report, write it and show it here", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

