// PortfolioTemplates
