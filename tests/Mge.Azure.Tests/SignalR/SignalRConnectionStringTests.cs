using Mge.Azure.SignalR;

namespace Mge.Azure.Tests.SignalR;

public sealed class SignalRConnectionStringTests
{
    private const string Key = SignalRTestKeys.Key;

    [Fact]
    public void An_azure_connection_string_parses_into_endpoint_key_and_version()
    {
        var parsed = SignalRConnectionString.Parse($"Endpoint=https://mge.service.signalr.net;AccessKey={Key};Version=1.0;");

        Assert.Equal(new Uri("https://mge.service.signalr.net"), parsed.Endpoint);
        Assert.Equal(parsed.Endpoint, parsed.ClientEndpoint);
        Assert.Equal(Key, parsed.AccessKey);
        Assert.Equal("1.0", parsed.Version);
        Assert.Equal("https://mge.service.signalr.net/api/v1/hubs/mge", parsed.ServiceUrl("/api/v1/hubs/mge"));
    }

    [Fact]
    public void Keys_are_case_insensitive_values_keep_their_equals_signs_and_unknown_keys_are_ignored()
    {
        var parsed = SignalRConnectionString.Parse($" endpoint = https://mge.service.signalr.net/ ; accesskey={Key} ; SomethingNew=1");

        Assert.Equal(Key, parsed.AccessKey);
        Assert.EndsWith("=", parsed.AccessKey, StringComparison.Ordinal);
        Assert.Equal("https://mge.service.signalr.net/client/?hub=mge", parsed.ClientUrl("/client/?hub=mge"));
        Assert.Equal("1.0", parsed.Version);
    }

    [Fact]
    public void Port_is_applied_to_the_endpoint()
    {
        var parsed = SignalRConnectionString.Parse($"Endpoint=http://localhost;Port=8888;AccessKey={Key};Version=1.0;");

        Assert.Equal(8888, parsed.Endpoint.Port);
        Assert.Equal("http://localhost:8888/api/v1/hubs/mge", parsed.ServiceUrl("/api/v1/hubs/mge"));
    }

    [Fact]
    public void ClientEndpoint_is_where_clients_connect()
    {
        var parsed = SignalRConnectionString.Parse(
            $"Endpoint=https://internal.example;ClientEndpoint=https://public.example;AccessKey={Key};Version=1.0;");

        Assert.Equal("https://internal.example/api/v1/hubs/mge", parsed.ServiceUrl("/api/v1/hubs/mge"));
        Assert.Equal("https://public.example/client/?hub=mge", parsed.ClientUrl("/client/?hub=mge"));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   ", "empty")]
    [InlineData("AccessKey=" + Key + ";Version=1.0;", "no Endpoint")]
    [InlineData("Endpoint=https://mge.service.signalr.net;Version=1.0;", "no AccessKey")]
    [InlineData("Endpoint=https://mge.service.signalr.net;AccessKey=;Version=1.0;", "no AccessKey")]
    [InlineData("Endpoint=mge.service.signalr.net;AccessKey=" + Key, "Endpoint 'mge.service.signalr.net' is not an absolute http(s) URL")]
    [InlineData("Endpoint=ftp://mge.service.signalr.net;AccessKey=" + Key, "not an absolute http(s) URL")]
    [InlineData("Endpoint=https://mge.service.signalr.net?x=1;AccessKey=" + Key, "must not have a query")]
    [InlineData("Endpoint=https://mge.service.signalr.net;Port=http;AccessKey=" + Key, "Port 'http' is not a port number")]
    [InlineData("Endpoint=https://mge.service.signalr.net;Port=70000;AccessKey=" + Key, "Port '70000' is not a port number")]
    [InlineData("Endpoint=https://mge.service.signalr.net;AccessKey=" + Key + ";Version=2.0", "Version '2.0'; only Version=1.0")]
    [InlineData("Endpoint=https://mge.service.signalr.net;AccessKey=short;Version=1.0", "AccessKey is 5 characters")]
    [InlineData("Endpoint=https://mge.service.signalr.net;AuthType=aad;ClientId=x;Version=1.0", "AuthType 'aad'")]
    [InlineData("Endpoint=https://a.example;Endpoint=https://b.example;AccessKey=" + Key, "sets 'Endpoint' more than once")]
    public void Bad_connection_strings_fail_naming_the_part(string connectionString, string expected)
    {
        var error = Assert.Throws<FormatException>(() => SignalRConnectionString.Parse(connectionString));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_segment_without_equals_is_refused_without_echoing_it()
    {
        var error = Assert.Throws<FormatException>(() =>
            SignalRConnectionString.Parse($"Endpoint=https://mge.service.signalr.net;{Key.TrimEnd('=')};Version=1.0"));

        Assert.Contains("Segment 2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key.TrimEnd('='), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_hides_the_key()
    {
        var parsed = SignalRConnectionString.Parse(SignalRTestKeys.ConnectionString());

        Assert.Equal("Endpoint=https://mge-test.service.signalr.net;AccessKey=***;Version=1.0;", parsed.ToString());
    }
}
