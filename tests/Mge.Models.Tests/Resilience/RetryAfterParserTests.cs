using Mge.Models.Resilience;

namespace Mge.Models.Tests.Resilience;

public sealed class RetryAfterParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 10, 21, 7, 28, 0, TimeSpan.Zero);

    private static TimeSpan? Parse(params (string Name, string Value)[] headers) =>
        RetryAfterParser.Parse(name => headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value, Now);

    [Fact]
    public void Milliseconds_headers_win_over_retry_after() =>
        Assert.Equal(TimeSpan.FromMilliseconds(6500), Parse(("Retry-After", "7"), ("retry-after-ms", "6500")));

    [Fact]
    public void Azure_x_ms_retry_after_ms_is_read() =>
        Assert.Equal(TimeSpan.FromMilliseconds(250), Parse(("x-ms-retry-after-ms", "250")));

    [Theory]
    [InlineData("3", 3)]
    [InlineData("0", 0)]
    [InlineData("1.5", 1.5)]
    public void Delta_seconds(string value, double seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), Parse(("Retry-After", value)));

    [Fact]
    public void An_http_date_gives_the_time_until_it() =>
        Assert.Equal(TimeSpan.FromSeconds(42), Parse(("Retry-After", "Wed, 21 Oct 2026 07:28:42 GMT")));

    [Fact]
    public void A_date_in_the_past_means_no_wait() =>
        Assert.Equal(TimeSpan.Zero, Parse(("Retry-After", "Wed, 21 Oct 2026 07:00:00 GMT")));

    [Theory]
    [InlineData("soon")]
    [InlineData("-4")]
    [InlineData("")]
    public void Unreadable_or_negative_values_give_no_wait(string value) =>
        Assert.Null(Parse(("Retry-After", value)));

    [Fact]
    public void No_header_gives_no_wait() => Assert.Null(Parse());
}
