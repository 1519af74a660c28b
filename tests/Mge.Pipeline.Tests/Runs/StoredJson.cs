using System.Text;
using Mge.Pipeline.Storage;

namespace Mge.Pipeline.Tests.Runs;

/// <summary>Records hold lists, whose equality is by reference; tests compare what the stores would keep instead.</summary>
internal static class StoredJson
{
    public static string Of<T>(T value) => Encoding.UTF8.GetString(StorageJson.Serialize(value));
}
