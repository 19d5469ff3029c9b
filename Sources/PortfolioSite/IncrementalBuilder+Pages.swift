import Foundation
import PortfolioContent
import PortfolioCore
import PortfolioTemplates

extension IncrementalBuilder {
    /// The page contexts, with the cards of unchanged articles taken from the last build,
    /// and the facts page keys are made of.
    func contexts(_ library: Library, theme: Theme, state: inout SiteState, sources: [Int]) -> (ContextBuilder, PageFacts) {
        let previous = state.cards
        let articles = library.articles
        let context = ContextBuilder(library: library, renderCard: { card in theme.render("card", card) }, reuse: { i in
            guard let entry = previous[articles[i].sourcePath], entry.source == sources[i] else { return nil }
            return entry.card
        })
        var hashes = [Int](repeating: 0, count: articles.count)
        for i in articles.indices {
            if let entry = previous[articles[i].sourcePath], entry.source == sources[i] {
                hashes[i] = entry.hash
            } else {
                let card = context.cards[i]
                hashes[i] = card.hashValue
                state.cards[articles[i].sourcePath] = SiteState.CardEntry(source: sources[i], card: card, hash: hashes[i])
            }
        }
        let related = state.related.update(library).related
        let site = context.page(kind: "", title: nil, url: "")["site"].hashValue
        return (context, PageFacts(library: library, site: site, cards: hashes, sources: sources, related: related))
    }
}
