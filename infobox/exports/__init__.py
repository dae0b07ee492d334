"""The open data: the catalogue as catalogue.json, catalogue.csv and catalogue.xlsx, and the one rule that keeps
a spreadsheet from reading a cell as a formula."""
