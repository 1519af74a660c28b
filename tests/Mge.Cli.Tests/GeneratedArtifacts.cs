using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Mge.Cli.Tests;

/// <summary>
/// The deployment files of a generated project, parsed: .env.example (name -> value), docker-compose.yml (with
/// YamlDotNet), the Dockerfile's ENV, EXPOSE, HEALTHCHECK and CMD, and the code files' text.
/// </summary>
internal sealed partial class GeneratedArtifacts
{
    private GeneratedArtifacts(string folder)
    {
        Folder = folder;
        EnvExample = ReadEnv(Read(".env.example"));
        var compose = new YamlStream();
        compose.Load(new StringReader(Read("docker-compose.yml")));
        var services = (YamlMappingNode)((YamlMappingNode)compose.Documents[0].RootNode).Children[new YamlScalarNode("services")];
        ComposeApp = (YamlMappingNode)services.Children[new YamlScalarNode("app")];
        ReadDockerfile(Read("Dockerfile"));
        Code = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".py", StringComparison.Ordinal) || p.EndsWith(".js", StringComparison.Ordinal))
            .ToDictionary(p => Path.GetRelativePath(folder, p).Replace('\\', '/'), File.ReadAllText, StringComparer.Ordinal);
    }

    public string Folder { get; }

    public IReadOnlyDictionary<string, string> EnvExample { get; }

    public YamlMappingNode ComposeApp { get; }

    public Dictionary<string, string> DockerEnvironment { get; } = new(StringComparer.Ordinal);

    public int DockerExpose { get; private set; }

    public string DockerHealthcheck { get; private set; } = "";

    public IReadOnlyList<string> DockerCommand { get; private set; } = [];

    /// <summary>Workspace path -> text of every .py and .js file.</summary>
    public IReadOnlyDictionary<string, string> Code { get; }

    public static GeneratedArtifacts Read(CliRun run)
    {
        var summary = JsonDocument.Parse(Assert.Single(run.StdoutLines)).RootElement;
        return new GeneratedArtifacts(summary.GetProperty("folder_path").GetString()!);
    }

    public string Read(string relativePath) => File.ReadAllText(Path.Combine(Folder, relativePath));

    /// <summary>A compose service key's sequence as strings ("env_file", "ports").</summary>
    public IReadOnlyList<string> ComposeList(string key) =>
        ((YamlSequenceNode)ComposeApp.Children[new YamlScalarNode(key)]).Children.Select(n => ((YamlScalarNode)n).Value!).ToList();

    /// <summary>The compose service's environment map (empty when it has none).</summary>
    public IReadOnlyDictionary<string, string> ComposeEnvironment() =>
        ComposeApp.Children.TryGetValue(new YamlScalarNode("environment"), out var node)
            ? ((YamlMappingNode)node).Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value!, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Names of the environment variables the code reads (os.getenv / os.environ / process.env).</summary>
    public IReadOnlySet<string> VariablesReadByCode() =>
        Code.Values.SelectMany(text => PythonRead().Matches(text).Concat(NodeRead().Matches(text)))
            .Select(m => m.Groups["name"].Value)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>The defaults the code gives a variable: ("NAME", "value") call arguments and process.env.NAME || value.</summary>
    public IReadOnlyList<string> DefaultsInCode(string name) =>
        Code.Values.SelectMany(text =>
                Regex.Matches(text, $"\\(\\s*\"{name}\"\\s*,\\s*\"(?<value>[^\"]*)\"\\s*\\)").Concat(
                Regex.Matches(text, $"process\\.env\\.{name}\\)?\\s*\\|\\|\\s*\"?(?<value>[^\";)\\s]+)")))
            .Select(m => m.Groups["value"].Value)
            .ToList();

    private static Dictionary<string, string> ReadEnv(string text) =>
        text.Split('\n')
            .Where(l => l.Length > 0 && !l.StartsWith('#') && l.Contains('=', StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf('=', StringComparison.Ordinal)], l => l[(l.IndexOf('=', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal);

    private void ReadDockerfile(string text)
    {
        // Instructions continue over lines ending with a backslash.
        var instructions = Regex.Replace(text, "\\\\\\n\\s*", " ").Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#'));
        foreach (var instruction in instructions)
        {
            var space = instruction.IndexOf(' ', StringComparison.Ordinal);
            var (keyword, rest) = (instruction[..space], instruction[(space + 1)..]);
            switch (keyword)
            {
                case "ENV":
                    foreach (var pair in rest.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        DockerEnvironment[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..];
                    }

                    break;
                case "EXPOSE":
                    DockerExpose = int.Parse(rest, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "HEALTHCHECK":
                    DockerHealthcheck = rest;
                    break;
                case "CMD":
                    DockerCommand = JsonSerializer.Deserialize<List<string>>(rest)!;
                    break;
            }
        }
    }

    [GeneratedRegex("os\\.(?:getenv\\(|environ\\.get\\(|environ\\[)\\s*\"(?<name>[A-Z][A-Z0-9_]*)\"")]
    private static partial Regex PythonRead();

    [GeneratedRegex("process\\.env\\.(?<name>[A-Z][A-Z0-9_]*)")]
    private static partial Regex NodeRead();
}
