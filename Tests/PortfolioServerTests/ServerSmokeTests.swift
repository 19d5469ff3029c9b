import PortfolioServer
import Testing

@Suite struct ServerSmokeTests {
    @Test func bindsLoopbackByDefault() {
        #expect(PreviewServerInfo.defaultHost == "127.0.0.1")
    }
}
