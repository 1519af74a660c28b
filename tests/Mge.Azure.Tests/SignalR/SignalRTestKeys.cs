namespace Mge.Azure.Tests.SignalR;

/// <summary>Access keys shaped like Azure's (44 base64 characters) for the tests; the two differ.</summary>
internal static class SignalRTestKeys
{
    public const string Key = "c3RhbmQtaW4ta2V5LWZvci1tZ2UtdGVzdHMtMDEyMzQ=";

    public const string OtherKey = "d3Jvbmcta2V5LW5vdC10aGUtc2VydmljZXMtb25lLTk=";

    public static string ConnectionString(string endpoint = "https://mge-test.service.signalr.net", string key = Key) =>
        $"Endpoint={endpoint};AccessKey={key};Version=1.0;";
}
