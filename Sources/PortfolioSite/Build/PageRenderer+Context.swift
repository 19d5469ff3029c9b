import PortfolioContent
import PortfolioTemplates

extension PageRenderer {
    /// A renderer over contexts made elsewhere (the incremental builder hands in a
    /// `ContextBuilder` that reused the cards of unchanged articles).
    init(library: Library, theme: Theme, context: ContextBuilder, images: ImageSizes) {
        self.library = library
        self.theme = theme
        self.context = context
        self.images = images
    }
}
