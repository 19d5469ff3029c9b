/// The User-Agent patterns the counter does not count by default, in the form of a list
/// file (`portfolio counter serve --bots FILE` takes one; `portfolio counter bots` prints
/// this one to start from).
public enum BotPatterns {
    public static let standard = """
    # Crawlers of search engines, AI companies and SEO tools
    bot
    crawl
    spider
    slurp
    baiduspider
    bytespider
    sogou
    yisouspider
    360spider
    petalbot
    yandex
    duckduckgo
    bingpreview
    googleother
    google-inspectiontool
    applebot
    semrush
    ahrefs
    mj12
    dotbot
    gptbot
    chatgpt
    claude
    anthropic
    ccbot
    perplexity
    bytedance
    # Link previews in chat apps and social networks
    facebookexternalhit
    meta-externalagent
    embedly
    whatsapp
    telegram
    discord
    skypeuripreview
    slack
    # Monitors and page testers
    lighthouse
    pingdom
    uptimerobot
    statuscake
    gtmetrix
    pagespeed
    headlesschrome
    phantomjs
    # Scripts and HTTP libraries
    curl/
    wget
    python-requests
    python-urllib
    python-httpx
    aiohttp
    go-http-client
    java/
    okhttp
    libwww-perl
    node-fetch
    axios
    scrapy
    httpclient
    """
}
