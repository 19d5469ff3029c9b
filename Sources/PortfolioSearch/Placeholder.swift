// PortfolioSearch
