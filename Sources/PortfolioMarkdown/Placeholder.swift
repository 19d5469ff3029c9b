// PortfolioMarkdown
