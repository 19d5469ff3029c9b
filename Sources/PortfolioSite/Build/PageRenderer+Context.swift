import PortfolioContent
import PortfolioTemplates

extension PageRenderer {
    /// A renderer over contexts made elsewhere (the incremental builder hands in a
    /// `ContextBuilder` that reused the cards of unchanged articles).
    init(library: Library, theme: Theme, context: ContextBuilder) {
        self.library = library
        self.theme = theme
        self.context = context
    }
}
