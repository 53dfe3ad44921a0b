"""The spreadsheet contract: import (all of it or nothing), export, the empty template."""
