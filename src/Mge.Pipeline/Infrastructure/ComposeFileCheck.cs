using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// Checks a docker-compose.yml without Docker: parses it with YamlDotNet (syntax, duplicate keys) and checks the
/// shape <c>docker compose</c> needs: one document whose root maps the known top-level keys, a non-empty
/// <c>services</c> map, each service with an <c>image</c> or a <c>build</c>, <c>ports</c>/<c>env_file</c>/
/// <c>depends_on</c>/<c>environment</c> of the right kinds, <c>depends_on</c> naming declared services and named
/// volumes declared at the top. Every problem carries its line and column in the file.
/// </summary>
public static class ComposeFileCheck
{
    private static readonly HashSet<string> TopLevelKeys = new(StringComparer.Ordinal) { "version", "name", "services", "networks", "volumes", "configs", "secrets", "include" };

    /// <summary>The problems of the file; empty when docker compose can read it.</summary>
    public static IReadOnlyList<ComposeProblem> Check(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            return [new ComposeProblem((int)exception.Start.Line, (int)exception.Start.Column, exception.Message)];
        }

        if (yaml.Documents.Count != 1)
        {
            return [new ComposeProblem(1, 1, $"expected one YAML document, found {yaml.Documents.Count}")];
        }

        var problems = new List<ComposeProblem>();
        if (yaml.Documents[0].RootNode is not YamlMappingNode root)
        {
            problems.Add(At(yaml.Documents[0].RootNode, "the file must be a mapping of top-level keys (services, volumes, ...)"));
            return problems;
        }

        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>())
        {
            if (key.Value is { } name && !TopLevelKeys.Contains(name) && !name.StartsWith("x-", StringComparison.Ordinal))
            {
                problems.Add(At(key, $"unknown top-level key '{name}'"));
            }
        }

        var volumes = Child(root, "volumes") is YamlMappingNode declared ? Names(declared) : [];
        switch (Child(root, "services"))
        {
            case null:
                problems.Add(At(root, "no 'services' key"));
                break;
            case YamlMappingNode { Children.Count: > 0 } services:
                var names = Names(services);
                foreach (var (key, service) in services.Children)
                {
                    CheckService(((YamlScalarNode)key).Value ?? "", service, names, volumes, problems);
                }

                break;
            case var other:
                problems.Add(At(other, "'services' must map at least one service name to its settings"));
                break;
        }

        return problems;
    }

    private static void CheckService(string name, YamlNode node, HashSet<string> services, HashSet<string> volumes, List<ComposeProblem> problems)
    {
        if (node is not YamlMappingNode service)
        {
            problems.Add(At(node, $"service '{name}' must be a mapping of its settings"));
            return;
        }

        if (Child(service, "image") is null && Child(service, "build") is null)
        {
            problems.Add(At(service, $"service '{name}' has neither 'image' nor 'build'"));
        }

        if (Child(service, "ports") is { } ports && (ports is not YamlSequenceNode portList || portList.Children.Any(p => p is YamlSequenceNode)))
        {
            problems.Add(At(ports, $"service '{name}': 'ports' must be a list of \"HOST:CONTAINER\" entries"));
        }

        if (Child(service, "env_file") is { } envFile && envFile is not (YamlScalarNode or YamlSequenceNode))
        {
            problems.Add(At(envFile, $"service '{name}': 'env_file' must be a file name or a list of them"));
        }

        if (Child(service, "environment") is { } environment && environment is not (YamlMappingNode or YamlSequenceNode))
        {
            problems.Add(At(environment, $"service '{name}': 'environment' must be a mapping or a list of NAME=value"));
        }

        switch (Child(service, "depends_on"))
        {
            case YamlSequenceNode list:
                problems.AddRange(list.Children.OfType<YamlScalarNode>().Where(d => !services.Contains(d.Value ?? "")).Select(d => At(d, $"service '{name}' depends on '{d.Value}', which is not a service of this file")));
                break;
            case YamlMappingNode map:
                problems.AddRange(map.Children.Keys.OfType<YamlScalarNode>().Where(d => !services.Contains(d.Value ?? "")).Select(d => At(d, $"service '{name}' depends on '{d.Value}', which is not a service of this file")));
                break;
            case { } other:
                problems.Add(At(other, $"service '{name}': 'depends_on' must list service names"));
                break;
        }

        if (Child(service, "volumes") is YamlSequenceNode mounts)
        {
            foreach (var mount in mounts.Children.OfType<YamlScalarNode>())
            {
                // "NAME:/path" mounts a named volume (a source with no '/', '.' or '~' in front); it must be declared at the top.
                var source = mount.Value?.Split(':')[0] ?? "";
                if (mount.Value?.Contains(':', StringComparison.Ordinal) == true && source.Length > 0 && !"/.~$".Contains(source[0], StringComparison.Ordinal) && !volumes.Contains(source))
                {
                    problems.Add(At(mount, $"service '{name}' mounts the volume '{source}', which the top-level 'volumes' does not declare"));
                }
            }
        }
    }

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static HashSet<string> Names(YamlMappingNode map) =>
        map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static ComposeProblem At(YamlNode node, string message) => new((int)node.Start.Line, (int)node.Start.Column, message);
}
