/// Where the preview serves the theme's live-reload script (`templates/live-reload.js`)
/// and its event stream. The script listens to the server's events and reloads the page
/// when a build finishes, swaps stylesheets when only CSS changed, and shows a build's
/// errors over the page until a build succeeds again.
enum LiveReloadScript {
    static let path = "/__portfolio/live.js"
    static let eventsPath = "/__portfolio/events"

    /// The tag injected into pages.
    static let tag = "<script src=\"\(path)\" defer></script>"
}
