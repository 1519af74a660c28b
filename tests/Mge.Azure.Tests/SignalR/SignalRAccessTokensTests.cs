using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Mge.Azure.SignalR;

namespace Mge.Azure.Tests.SignalR;

public sealed class SignalRAccessTokensTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly SignalRAccessTokens _tokens = new(
        SignalRConnectionString.Parse(SignalRTestKeys.ConnectionString()), timeProvider: new FixedTimeProvider(Now));

    [Fact]
    public void A_client_token_is_hs256_with_aud_exp_one_hour_ahead_and_nameid()
    {
        const string url = "https://mge-test.service.signalr.net/client/?hub=mge";

        var token = new JsonWebToken(_tokens.Create(url, "user-7"));

        Assert.Equal("HS256", token.Alg);
        Assert.Equal([url], token.Audiences);
        Assert.Equal(Now.AddHours(1).ToUnixTimeSeconds(), token.GetPayloadValue<long>("exp"));
        Assert.Equal(Now.ToUnixTimeSeconds(), token.GetPayloadValue<long>("iat"));
        Assert.Equal("user-7", token.GetPayloadValue<string>("nameid"));
    }

    [Fact]
    public void A_service_token_has_no_user_and_its_audience_is_the_request_url_without_query_or_trailing_slash()
    {
        var token = new JsonWebToken(_tokens.CreateForRequest(new Uri("https://mge-test.service.signalr.net/api/v1/hubs/mge/groups/run-1/?x=1")));

        Assert.Equal(["https://mge-test.service.signalr.net/api/v1/hubs/mge/groups/run-1"], token.Audiences);
        Assert.False(token.TryGetPayloadValue<string>("nameid", out _));
    }

    [Fact]
    public void The_signature_is_hmac_sha256_over_header_and_payload_with_the_keys_utf8_bytes()
    {
        var parts = _tokens.Create("https://mge-test.service.signalr.net/api/v1/hubs/mge").Split('.');

        // Computed independently of the token library: HMAC-SHA256(UTF-8 key, "header.payload"), base64url.
        var expected = Base64UrlEncoder.Encode(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(SignalRTestKeys.Key), Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}")));
        Assert.Equal(expected, parts[2]);
    }

    [Fact]
    public async Task The_token_validates_with_the_key_and_not_with_another()
    {
        var token = _tokens.Create("https://mge-test.service.signalr.net/api/v1/hubs/mge");
        var handler = new JsonWebTokenHandler();

        var right = await handler.ValidateTokenAsync(token, Parameters(SignalRTestKeys.Key));
        var wrong = await handler.ValidateTokenAsync(token, Parameters(SignalRTestKeys.OtherKey));

        Assert.True(right.IsValid, right.Exception?.Message);
        Assert.False(wrong.IsValid);
    }

    [Fact]
    public void The_lifetime_is_configurable()
    {
        var tokens = new SignalRAccessTokens(
            SignalRConnectionString.Parse(SignalRTestKeys.ConnectionString()), TimeSpan.FromMinutes(5), new FixedTimeProvider(Now));

        var token = new JsonWebToken(tokens.Create("https://mge-test.service.signalr.net/client/?hub=mge", "u"));

        Assert.Equal(TimeSpan.FromMinutes(5), tokens.Lifetime);
        Assert.Equal(Now.AddMinutes(5).ToUnixTimeSeconds(), token.GetPayloadValue<long>("exp"));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        var connectionString = SignalRConnectionString.Parse(SignalRTestKeys.ConnectionString());

        Assert.Throws<ArgumentOutOfRangeException>(() => new SignalRAccessTokens(connectionString, TimeSpan.Zero));
        Assert.Throws<ArgumentException>(() => _tokens.Create(" "));
        Assert.Throws<ArgumentException>(() => _tokens.Create("https://x/client/?hub=mge", " "));
    }

    private static TokenValidationParameters Parameters(string key) => new()
    {
        IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)),
        ValidateIssuer = false,
        ValidAudience = "https://mge-test.service.signalr.net/api/v1/hubs/mge",
        // The fixed clock is in the past: lifetime is checked by the claims test, not here.
        ValidateLifetime = false,
    };
}
