using Xunit;

namespace Mge.Testing;

/// <summary>xunit fixture: one in-memory Azurite per test class (or collection), started and stopped by the tests themselves.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public AzuriteProcess Azurite { get; } = new();

    public string ConnectionString => Azurite.ConnectionString;

    public Task InitializeAsync() => Azurite.StartAsync();

    public async Task DisposeAsync() => await Azurite.StopAsync();
}
