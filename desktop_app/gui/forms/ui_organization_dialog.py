# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'organization_dialog.ui'
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
    QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QSpinBox, QVBoxLayout,
    QWidget)

class Ui_OrganizationDialog(object):
    def setupUi(self, OrganizationDialog):
        if not OrganizationDialog.objectName():
            OrganizationDialog.setObjectName(u"OrganizationDialog")
        OrganizationDialog.resize(560, 640)
        OrganizationDialog.setMinimumSize(QSize(540, 0))
        OrganizationDialog.setModal(True)
        self.mainLayout = QVBoxLayout(OrganizationDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.formError = QLabel(OrganizationDialog)
        self.formError.setObjectName(u"formError")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.formError.sizePolicy().hasHeightForWidth())
        self.formError.setSizePolicy(sizePolicy)
        self.formError.setText(u"")
        self.formError.setWordWrap(True)

        self.mainLayout.addWidget(self.formError)

        self.placeGroup = QGroupBox(OrganizationDialog)
        self.placeGroup.setObjectName(u"placeGroup")
        self.placeGroupForm = QFormLayout(self.placeGroup)
        self.placeGroupForm.setObjectName(u"placeGroupForm")
        self.placeGroupForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.placeGroupForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.parentLabel = QLabel(self.placeGroup)
        self.parentLabel.setObjectName(u"parentLabel")

        self.placeGroupForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.parentLabel)

        self.parentValueCell = QVBoxLayout()
        self.parentValueCell.setSpacing(2)
        self.parentValueCell.setObjectName(u"parentValueCell")
        self.parentValue = QLabel(self.placeGroup)
        self.parentValue.setObjectName(u"parentValue")
        sizePolicy.setHeightForWidth(self.parentValue.sizePolicy().hasHeightForWidth())
        self.parentValue.setSizePolicy(sizePolicy)
        self.parentValue.setText(u"\u2014")
        self.parentValue.setWordWrap(True)
        self.parentValue.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.parentValueCell.addWidget(self.parentValue)

        self.parentError = QLabel(self.placeGroup)
        self.parentError.setObjectName(u"parentError")
        sizePolicy.setHeightForWidth(self.parentError.sizePolicy().hasHeightForWidth())
        self.parentError.setSizePolicy(sizePolicy)
        self.parentError.setText(u"")
        self.parentError.setWordWrap(True)

        self.parentValueCell.addWidget(self.parentError)


        self.placeGroupForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.parentValueCell)

        self.levelLabel = QLabel(self.placeGroup)
        self.levelLabel.setObjectName(u"levelLabel")

        self.placeGroupForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.levelLabel)

        self.levelComboCell = QVBoxLayout()
        self.levelComboCell.setSpacing(2)
        self.levelComboCell.setObjectName(u"levelComboCell")
        self.levelCombo = QComboBox(self.placeGroup)
        self.levelCombo.setObjectName(u"levelCombo")

        self.levelComboCell.addWidget(self.levelCombo)

        self.levelError = QLabel(self.placeGroup)
        self.levelError.setObjectName(u"levelError")
        sizePolicy.setHeightForWidth(self.levelError.sizePolicy().hasHeightForWidth())
        self.levelError.setSizePolicy(sizePolicy)
        self.levelError.setText(u"")
        self.levelError.setWordWrap(True)

        self.levelComboCell.addWidget(self.levelError)


        self.placeGroupForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.levelComboCell)

        self.nameLabel = QLabel(self.placeGroup)
        self.nameLabel.setObjectName(u"nameLabel")

        self.placeGroupForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.nameEditCell = QVBoxLayout()
        self.nameEditCell.setSpacing(2)
        self.nameEditCell.setObjectName(u"nameEditCell")
        self.nameEdit = QLineEdit(self.placeGroup)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(100)
        self.nameEdit.setClearButtonEnabled(True)

        self.nameEditCell.addWidget(self.nameEdit)

        self.nameError = QLabel(self.placeGroup)
        self.nameError.setObjectName(u"nameError")
        sizePolicy.setHeightForWidth(self.nameError.sizePolicy().hasHeightForWidth())
        self.nameError.setSizePolicy(sizePolicy)
        self.nameError.setText(u"")
        self.nameError.setWordWrap(True)

        self.nameEditCell.addWidget(self.nameError)


        self.placeGroupForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.nameEditCell)

        self.branchTypeLabel = QLabel(self.placeGroup)
        self.branchTypeLabel.setObjectName(u"branchTypeLabel")

        self.placeGroupForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.branchTypeLabel)

        self.branchTypeComboCell = QVBoxLayout()
        self.branchTypeComboCell.setSpacing(2)
        self.branchTypeComboCell.setObjectName(u"branchTypeComboCell")
        self.branchTypeCombo = QComboBox(self.placeGroup)
        self.branchTypeCombo.setObjectName(u"branchTypeCombo")

        self.branchTypeComboCell.addWidget(self.branchTypeCombo)

        self.branchTypeError = QLabel(self.placeGroup)
        self.branchTypeError.setObjectName(u"branchTypeError")
        sizePolicy.setHeightForWidth(self.branchTypeError.sizePolicy().hasHeightForWidth())
        self.branchTypeError.setSizePolicy(sizePolicy)
        self.branchTypeError.setText(u"")
        self.branchTypeError.setWordWrap(True)

        self.branchTypeComboCell.addWidget(self.branchTypeError)


        self.placeGroupForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.branchTypeComboCell)

        self.foundedLabel = QLabel(self.placeGroup)
        self.foundedLabel.setObjectName(u"foundedLabel")

        self.placeGroupForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.foundedLabel)

        self.foundedEditCell = QVBoxLayout()
        self.foundedEditCell.setSpacing(2)
        self.foundedEditCell.setObjectName(u"foundedEditCell")
        self.foundedEditRow = QHBoxLayout()
        self.foundedEditRow.setObjectName(u"foundedEditRow")
        self.foundedEdit = QDateEdit(self.placeGroup)
        self.foundedEdit.setObjectName(u"foundedEdit")
        self.foundedEdit.setCalendarPopup(True)
        self.foundedEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.foundedEdit.setMinimumSize(QSize(140, 0))

        self.foundedEditRow.addWidget(self.foundedEdit)

        self.foundedUnknown = QCheckBox(self.placeGroup)
        self.foundedUnknown.setObjectName(u"foundedUnknown")

        self.foundedEditRow.addWidget(self.foundedUnknown)

        self.foundedEditSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.foundedEditRow.addItem(self.foundedEditSpacer)


        self.foundedEditCell.addLayout(self.foundedEditRow)

        self.foundedError = QLabel(self.placeGroup)
        self.foundedError.setObjectName(u"foundedError")
        sizePolicy.setHeightForWidth(self.foundedError.sizePolicy().hasHeightForWidth())
        self.foundedError.setSizePolicy(sizePolicy)
        self.foundedError.setText(u"")
        self.foundedError.setWordWrap(True)

        self.foundedEditCell.addWidget(self.foundedError)


        self.placeGroupForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.foundedEditCell)


        self.mainLayout.addWidget(self.placeGroup)

        self.leadershipGroup = QGroupBox(OrganizationDialog)
        self.leadershipGroup.setObjectName(u"leadershipGroup")
        self.leadershipGroupForm = QFormLayout(self.leadershipGroup)
        self.leadershipGroupForm.setObjectName(u"leadershipGroupForm")
        self.leadershipGroupForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.leadershipGroupForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.secretaryLabel = QLabel(self.leadershipGroup)
        self.secretaryLabel.setObjectName(u"secretaryLabel")

        self.leadershipGroupForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.secretaryLabel)

        self.secretaryEditCell = QVBoxLayout()
        self.secretaryEditCell.setSpacing(2)
        self.secretaryEditCell.setObjectName(u"secretaryEditCell")
        self.secretaryEdit = QLineEdit(self.leadershipGroup)
        self.secretaryEdit.setObjectName(u"secretaryEdit")
        self.secretaryEdit.setMaxLength(100)
        self.secretaryEdit.setClearButtonEnabled(True)

        self.secretaryEditCell.addWidget(self.secretaryEdit)

        self.secretaryError = QLabel(self.leadershipGroup)
        self.secretaryError.setObjectName(u"secretaryError")
        sizePolicy.setHeightForWidth(self.secretaryError.sizePolicy().hasHeightForWidth())
        self.secretaryError.setSizePolicy(sizePolicy)
        self.secretaryError.setText(u"")
        self.secretaryError.setWordWrap(True)

        self.secretaryEditCell.addWidget(self.secretaryError)


        self.leadershipGroupForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.secretaryEditCell)

        self.doubleLeaderCheckCell = QVBoxLayout()
        self.doubleLeaderCheckCell.setSpacing(2)
        self.doubleLeaderCheckCell.setObjectName(u"doubleLeaderCheckCell")
        self.doubleLeaderCheck = QCheckBox(self.leadershipGroup)
        self.doubleLeaderCheck.setObjectName(u"doubleLeaderCheck")

        self.doubleLeaderCheckCell.addWidget(self.doubleLeaderCheck)

        self.doubleLeaderError = QLabel(self.leadershipGroup)
        self.doubleLeaderError.setObjectName(u"doubleLeaderError")
        sizePolicy.setHeightForWidth(self.doubleLeaderError.sizePolicy().hasHeightForWidth())
        self.doubleLeaderError.setSizePolicy(sizePolicy)
        self.doubleLeaderError.setText(u"")
        self.doubleLeaderError.setWordWrap(True)

        self.doubleLeaderCheckCell.addWidget(self.doubleLeaderError)


        self.leadershipGroupForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.doubleLeaderCheckCell)

        self.electedLabel = QLabel(self.leadershipGroup)
        self.electedLabel.setObjectName(u"electedLabel")

        self.leadershipGroupForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.electedLabel)

        self.electedEditCell = QVBoxLayout()
        self.electedEditCell.setSpacing(2)
        self.electedEditCell.setObjectName(u"electedEditCell")
        self.electedEditRow = QHBoxLayout()
        self.electedEditRow.setObjectName(u"electedEditRow")
        self.electedEdit = QDateEdit(self.leadershipGroup)
        self.electedEdit.setObjectName(u"electedEdit")
        self.electedEdit.setCalendarPopup(True)
        self.electedEdit.setDisplayFormat(u"yyyy-MM-dd")
        self.electedEdit.setMinimumSize(QSize(140, 0))

        self.electedEditRow.addWidget(self.electedEdit)

        self.electedUnknown = QCheckBox(self.leadershipGroup)
        self.electedUnknown.setObjectName(u"electedUnknown")

        self.electedEditRow.addWidget(self.electedUnknown)

        self.electedEditSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.electedEditRow.addItem(self.electedEditSpacer)


        self.electedEditCell.addLayout(self.electedEditRow)

        self.electedError = QLabel(self.leadershipGroup)
        self.electedError.setObjectName(u"electedError")
        sizePolicy.setHeightForWidth(self.electedError.sizePolicy().hasHeightForWidth())
        self.electedError.setSizePolicy(sizePolicy)
        self.electedError.setText(u"")
        self.electedError.setWordWrap(True)

        self.electedEditCell.addWidget(self.electedError)


        self.leadershipGroupForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.electedEditCell)

        self.termLabel = QLabel(self.leadershipGroup)
        self.termLabel.setObjectName(u"termLabel")

        self.leadershipGroupForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.termLabel)

        self.termSpinCell = QVBoxLayout()
        self.termSpinCell.setSpacing(2)
        self.termSpinCell.setObjectName(u"termSpinCell")
        self.termSpin = QSpinBox(self.leadershipGroup)
        self.termSpin.setObjectName(u"termSpin")
        self.termSpin.setMinimum(1)
        self.termSpin.setMaximum(10)
        self.termSpin.setGroupSeparatorShown(True)
        self.termSpin.setMinimumSize(QSize(120, 0))

        self.termSpinCell.addWidget(self.termSpin)

        self.termError = QLabel(self.leadershipGroup)
        self.termError.setObjectName(u"termError")
        sizePolicy.setHeightForWidth(self.termError.sizePolicy().hasHeightForWidth())
        self.termError.setSizePolicy(sizePolicy)
        self.termError.setText(u"")
        self.termError.setWordWrap(True)

        self.termSpinCell.addWidget(self.termError)


        self.leadershipGroupForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.termSpinCell)


        self.mainLayout.addWidget(self.leadershipGroup)

        self.membersGroup = QGroupBox(OrganizationDialog)
        self.membersGroup.setObjectName(u"membersGroup")
        self.membersGroupForm = QFormLayout(self.membersGroup)
        self.membersGroupForm.setObjectName(u"membersGroupForm")
        self.membersGroupForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.membersGroupForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.fullLabel = QLabel(self.membersGroup)
        self.fullLabel.setObjectName(u"fullLabel")

        self.membersGroupForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fullLabel)

        self.fullSpinCell = QVBoxLayout()
        self.fullSpinCell.setSpacing(2)
        self.fullSpinCell.setObjectName(u"fullSpinCell")
        self.fullSpin = QSpinBox(self.membersGroup)
        self.fullSpin.setObjectName(u"fullSpin")
        self.fullSpin.setMinimum(0)
        self.fullSpin.setMaximum(99999)
        self.fullSpin.setGroupSeparatorShown(True)
        self.fullSpin.setMinimumSize(QSize(120, 0))

        self.fullSpinCell.addWidget(self.fullSpin)

        self.fullError = QLabel(self.membersGroup)
        self.fullError.setObjectName(u"fullError")
        sizePolicy.setHeightForWidth(self.fullError.sizePolicy().hasHeightForWidth())
        self.fullError.setSizePolicy(sizePolicy)
        self.fullError.setText(u"")
        self.fullError.setWordWrap(True)

        self.fullSpinCell.addWidget(self.fullError)


        self.membersGroupForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.fullSpinCell)

        self.probationaryLabel = QLabel(self.membersGroup)
        self.probationaryLabel.setObjectName(u"probationaryLabel")

        self.membersGroupForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.probationaryLabel)

        self.probationarySpinCell = QVBoxLayout()
        self.probationarySpinCell.setSpacing(2)
        self.probationarySpinCell.setObjectName(u"probationarySpinCell")
        self.probationarySpin = QSpinBox(self.membersGroup)
        self.probationarySpin.setObjectName(u"probationarySpin")
        self.probationarySpin.setMinimum(0)
        self.probationarySpin.setMaximum(99999)
        self.probationarySpin.setGroupSeparatorShown(True)
        self.probationarySpin.setMinimumSize(QSize(120, 0))

        self.probationarySpinCell.addWidget(self.probationarySpin)

        self.probationaryError = QLabel(self.membersGroup)
        self.probationaryError.setObjectName(u"probationaryError")
        sizePolicy.setHeightForWidth(self.probationaryError.sizePolicy().hasHeightForWidth())
        self.probationaryError.setSizePolicy(sizePolicy)
        self.probationaryError.setText(u"")
        self.probationaryError.setWordWrap(True)

        self.probationarySpinCell.addWidget(self.probationaryError)


        self.membersGroupForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.probationarySpinCell)

        self.activistsLabel = QLabel(self.membersGroup)
        self.activistsLabel.setObjectName(u"activistsLabel")

        self.membersGroupForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.activistsLabel)

        self.activistsSpinCell = QVBoxLayout()
        self.activistsSpinCell.setSpacing(2)
        self.activistsSpinCell.setObjectName(u"activistsSpinCell")
        self.activistsSpin = QSpinBox(self.membersGroup)
        self.activistsSpin.setObjectName(u"activistsSpin")
        self.activistsSpin.setMinimum(0)
        self.activistsSpin.setMaximum(99999)
        self.activistsSpin.setGroupSeparatorShown(True)
        self.activistsSpin.setMinimumSize(QSize(120, 0))

        self.activistsSpinCell.addWidget(self.activistsSpin)

        self.activistsError = QLabel(self.membersGroup)
        self.activistsError.setObjectName(u"activistsError")
        sizePolicy.setHeightForWidth(self.activistsError.sizePolicy().hasHeightForWidth())
        self.activistsError.setSizePolicy(sizePolicy)
        self.activistsError.setText(u"")
        self.activistsError.setWordWrap(True)

        self.activistsSpinCell.addWidget(self.activistsError)


        self.membersGroupForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.activistsSpinCell)

        self.partyGroupsCheckCell = QVBoxLayout()
        self.partyGroupsCheckCell.setSpacing(2)
        self.partyGroupsCheckCell.setObjectName(u"partyGroupsCheckCell")
        self.partyGroupsCheck = QCheckBox(self.membersGroup)
        self.partyGroupsCheck.setObjectName(u"partyGroupsCheck")

        self.partyGroupsCheckCell.addWidget(self.partyGroupsCheck)

        self.partyGroupsError = QLabel(self.membersGroup)
        self.partyGroupsError.setObjectName(u"partyGroupsError")
        sizePolicy.setHeightForWidth(self.partyGroupsError.sizePolicy().hasHeightForWidth())
        self.partyGroupsError.setSizePolicy(sizePolicy)
        self.partyGroupsError.setText(u"")
        self.partyGroupsError.setWordWrap(True)

        self.partyGroupsCheckCell.addWidget(self.partyGroupsError)


        self.membersGroupForm.setLayout(3, QFormLayout.ItemRole.FieldRole, self.partyGroupsCheckCell)


        self.mainLayout.addWidget(self.membersGroup)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.mainLayout.addItem(self.bottomSpacer)

        self.buttonBox = QDialogButtonBox(OrganizationDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.levelLabel.setBuddy(self.levelCombo)
        self.nameLabel.setBuddy(self.nameEdit)
        self.branchTypeLabel.setBuddy(self.branchTypeCombo)
        self.foundedLabel.setBuddy(self.foundedEdit)
        self.secretaryLabel.setBuddy(self.secretaryEdit)
        self.electedLabel.setBuddy(self.electedEdit)
        self.termLabel.setBuddy(self.termSpin)
        self.fullLabel.setBuddy(self.fullSpin)
        self.probationaryLabel.setBuddy(self.probationarySpin)
        self.activistsLabel.setBuddy(self.activistsSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.levelCombo, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.branchTypeCombo)
        QWidget.setTabOrder(self.branchTypeCombo, self.foundedEdit)
        QWidget.setTabOrder(self.foundedEdit, self.foundedUnknown)
        QWidget.setTabOrder(self.foundedUnknown, self.secretaryEdit)
        QWidget.setTabOrder(self.secretaryEdit, self.doubleLeaderCheck)
        QWidget.setTabOrder(self.doubleLeaderCheck, self.electedEdit)
        QWidget.setTabOrder(self.electedEdit, self.electedUnknown)
        QWidget.setTabOrder(self.electedUnknown, self.termSpin)
        QWidget.setTabOrder(self.termSpin, self.fullSpin)
        QWidget.setTabOrder(self.fullSpin, self.probationarySpin)
        QWidget.setTabOrder(self.probationarySpin, self.activistsSpin)
        QWidget.setTabOrder(self.activistsSpin, self.partyGroupsCheck)
        QWidget.setTabOrder(self.partyGroupsCheck, self.buttonBox)

        self.retranslateUi(OrganizationDialog)

        QMetaObject.connectSlotsByName(OrganizationDialog)
    # setupUi

    def retranslateUi(self, OrganizationDialog):
        OrganizationDialog.setWindowTitle(_(u"Organization", None))
        self.placeGroup.setTitle(_(u"Place in the tree", None))
        self.parentLabel.setText(_(u"Parent organization:", None))
        self.levelLabel.setText(_(u"&Level:", None))
#if QT_CONFIG(tooltip)
        self.levelCombo.setToolTip(_(u"A college sits under the party committee; a branch under a college or directly under the committee.", None))
#endif // QT_CONFIG(tooltip)
        self.nameLabel.setText(_(u"&Name:", None))
        self.branchTypeLabel.setText(_(u"Branch &type:", None))
        self.foundedLabel.setText(_(u"&Founded on:", None))
        self.foundedUnknown.setText(_(u"Not recorded", None))
#if QT_CONFIG(tooltip)
        self.foundedUnknown.setToolTip(_(u"Tick when the date is not known; the ledger then keeps no date.", None))
#endif // QT_CONFIG(tooltip)
        self.leadershipGroup.setTitle(_(u"Leadership", None))
        self.secretaryLabel.setText(_(u"&Secretary:", None))
#if QT_CONFIG(tooltip)
        self.doubleLeaderCheck.setToolTip(_(u"Counted for teacher branches: the share of their secretaries who are also academic or professional leaders.", None))
#endif // QT_CONFIG(tooltip)
        self.doubleLeaderCheck.setText(_(u"The secretary is also an academic or professional leader (\u53cc\u5e26\u5934\u4eba)", None))
        self.electedLabel.setText(_(u"Last &elected on:", None))
        self.electedUnknown.setText(_(u"Not recorded", None))
#if QT_CONFIG(tooltip)
        self.electedUnknown.setToolTip(_(u"Tick when the date is not known; the ledger then keeps no date.", None))
#endif // QT_CONFIG(tooltip)
        self.termLabel.setText(_(u"&Term:", None))
        self.membersGroup.setTitle(_(u"Members", None))
        self.fullLabel.setText(_(u"F&ull members:", None))
        self.probationaryLabel.setText(_(u"&Probationary members:", None))
        self.activistsLabel.setText(_(u"&Activists:", None))
        self.partyGroupsCheck.setText(_(u"The branch has party groups (\u515a\u5c0f\u7ec4)", None))
    # retranslateUi

