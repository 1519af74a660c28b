using Mge.Testing;

namespace Mge.Functions.Tests.Support;

/// <summary>One Azurite for every test class that needs real Table/Blob storage (each app gets its own table and container prefixes).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
