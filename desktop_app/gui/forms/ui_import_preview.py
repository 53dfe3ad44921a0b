# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'import_preview.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableView, QVBoxLayout, QWidget)

class Ui_ImportPreviewDialog(object):
    def setupUi(self, ImportPreviewDialog):
        if not ImportPreviewDialog.objectName():
            ImportPreviewDialog.setObjectName(u"ImportPreviewDialog")
        ImportPreviewDialog.resize(900, 600)
        ImportPreviewDialog.setMinimumSize(QSize(720, 480))
        ImportPreviewDialog.setModal(True)
        self.mainLayout = QVBoxLayout(ImportPreviewDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.fileLabel = QLabel(ImportPreviewDialog)
        self.fileLabel.setObjectName(u"fileLabel")
        self.fileLabel.setWordWrap(True)
        self.fileLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.fileLabel)

        self.summaryLabel = QLabel(ImportPreviewDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.summaryLabel)

        self.countsGroup = QGroupBox(ImportPreviewDialog)
        self.countsGroup.setObjectName(u"countsGroup")
        self.countsLayout = QVBoxLayout(self.countsGroup)
        self.countsLayout.setObjectName(u"countsLayout")
        self.countsView = QTableView(self.countsGroup)
        self.countsView.setObjectName(u"countsView")
        self.countsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.countsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.countsView.setAlternatingRowColors(True)
        self.countsView.setSortingEnabled(True)
        self.countsView.verticalHeader().setVisible(False)

        self.countsLayout.addWidget(self.countsView)


        self.mainLayout.addWidget(self.countsGroup)

        self.faultsGroup = QGroupBox(ImportPreviewDialog)
        self.faultsGroup.setObjectName(u"faultsGroup")
        self.faultsLayout = QVBoxLayout(self.faultsGroup)
        self.faultsLayout.setObjectName(u"faultsLayout")
        self.faultsView = QTableView(self.faultsGroup)
        self.faultsView.setObjectName(u"faultsView")
        self.faultsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.faultsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.faultsView.setAlternatingRowColors(True)
        self.faultsView.setSortingEnabled(True)
        self.faultsView.setWordWrap(True)
        self.faultsView.verticalHeader().setVisible(False)

        self.faultsLayout.addWidget(self.faultsView)


        self.mainLayout.addWidget(self.faultsGroup)

        self.warningsGroup = QGroupBox(ImportPreviewDialog)
        self.warningsGroup.setObjectName(u"warningsGroup")
        self.warningsLayout = QVBoxLayout(self.warningsGroup)
        self.warningsLayout.setObjectName(u"warningsLayout")
        self.warningsView = QTableView(self.warningsGroup)
        self.warningsView.setObjectName(u"warningsView")
        self.warningsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.warningsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.warningsView.setAlternatingRowColors(True)
        self.warningsView.setSortingEnabled(True)
        self.warningsView.setWordWrap(True)
        self.warningsView.verticalHeader().setVisible(False)

        self.warningsLayout.addWidget(self.warningsView)


        self.mainLayout.addWidget(self.warningsGroup)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.copyButton = QPushButton(ImportPreviewDialog)
        self.copyButton.setObjectName(u"copyButton")
        self.copyButton.setAutoDefault(False)

        self.buttonRow.addWidget(self.copyButton)

        self.buttonSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.buttonBox = QDialogButtonBox(ImportPreviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.buttonRow.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.buttonRow)

        QWidget.setTabOrder(self.countsView, self.faultsView)
        QWidget.setTabOrder(self.faultsView, self.warningsView)
        QWidget.setTabOrder(self.warningsView, self.copyButton)
        QWidget.setTabOrder(self.copyButton, self.buttonBox)

        self.retranslateUi(ImportPreviewDialog)
        self.buttonBox.accepted.connect(ImportPreviewDialog.accept)
        self.buttonBox.rejected.connect(ImportPreviewDialog.reject)

        QMetaObject.connectSlotsByName(ImportPreviewDialog)
    # setupUi

    def retranslateUi(self, ImportPreviewDialog):
        ImportPreviewDialog.setWindowTitle(_(u"Import a workbook", None))
        self.countsGroup.setTitle(_(u"What the import will change, sheet by sheet", None))
        self.faultsGroup.setTitle(_(u"Problems to correct in the workbook", None))
        self.warningsGroup.setTitle(_(u"Warnings (they do not stop the import; check them)", None))
#if QT_CONFIG(tooltip)
        self.copyButton.setToolTip(_(u"Copy every problem and warning, with its sheet, row and column, to paste elsewhere", None))
#endif // QT_CONFIG(tooltip)
        self.copyButton.setText(_(u"&Copy the list", None))
    # retranslateUi

