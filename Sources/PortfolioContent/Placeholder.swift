// PortfolioContent
