// PortfolioImport
