// PortfolioSite
