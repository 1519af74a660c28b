using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Mge.CodeIntelligence.Languages;
using Mge.CodeIntelligence.Paths;
using Mge.Pipeline.Domain;

namespace Mge.Pipeline.Infrastructure;

/// <summary>
/// A set of stack definitions, loaded from their JSON and checked as a whole: each definition is complete
/// (every required key, no unknown key) and consistent with itself (the start command's port variable is
/// declared with the same default, a secret has no default, the manifest is an owned infrastructure file...),
/// and no two stacks claim the same name or alias. It answers the questions every consumer asks by
/// enumerating the definitions: the stack of a type, the type a user names, the type a request names.
/// </summary>
public sealed class StackCatalog
{
    private static readonly JsonSerializerOptions DefinitionJson = CreateDefinitionJson();

    private readonly Dictionary<string, ProjectStack> _byName;
    private readonly Dictionary<string, ProjectStack> _byAlias;
    private readonly IReadOnlyList<(ProjectStack Stack, Regex Pattern)> _requestPatterns;

    private StackCatalog(IReadOnlyList<ProjectStack> stacks)
    {
        All = stacks;
        _byName = stacks.ToDictionary(s => s.Name, StringComparer.Ordinal);
        _byAlias = new Dictionary<string, ProjectStack>(StringComparer.Ordinal);
        foreach (var stack in stacks)
        {
            foreach (var alias in stack.Aliases.Prepend(stack.Name))
            {
                _byAlias[NormalizeName(alias)] = stack;
            }
        }

        _requestPatterns = stacks
            .SelectMany(s => s.RequestPatterns.Select(p => (s, new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))))
            .ToList();
    }

    /// <summary>Every stack, ordered by name.</summary>
    public IReadOnlyList<ProjectStack> All { get; }

    /// <summary>The canonical names, "fastapi|django|express" style, for help texts and errors.</summary>
    public string AcceptedNames => string.Join('|', All.Select(s => s.Name));

    /// <summary>
    /// Reads and checks definitions given as (source, JSON text); the source names a definition in errors and,
    /// when it is a file name ("django.json"), must match the definition's name.
    /// </summary>
    /// <exception cref="StackDefinitionException">Any definition is unreadable or inconsistent, or two collide; the message lists every problem.</exception>
    public static StackCatalog Load(IEnumerable<(string Source, string Json)> definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        var problems = new List<string>();
        var stacks = new List<ProjectStack>();
        foreach (var (source, json) in definitions)
        {
            ProjectStack? stack;
            try
            {
                stack = JsonSerializer.Deserialize<ProjectStack>(json, DefinitionJson);
            }
            catch (JsonException error)
            {
                problems.Add($"{source}: {error.Message}");
                continue;
            }

            if (stack is null)
            {
                problems.Add($"{source}: the definition is null.");
                continue;
            }

            var own = Check(stack).Select(p => $"{source}: {p}").ToList();
            var fileName = Path.GetFileNameWithoutExtension(source);
            if (source.EndsWith(".json", StringComparison.OrdinalIgnoreCase) && fileName != stack.Name)
            {
                own.Add($"{source}: the file of stack '{stack.Name}' must be named {stack.Name}.json.");
            }

            problems.AddRange(own);
            if (own.Count == 0)
            {
                stacks.Add(stack);
            }
        }

        problems.AddRange(CheckCollisions(stacks));
        if (stacks.Count == 0 && problems.Count == 0)
        {
            problems.Add("no stack definition was given.");
        }

        if (problems.Count > 0)
        {
            throw new StackDefinitionException("Invalid stack definitions:\n- " + string.Join("\n- ", problems));
        }

        return new StackCatalog(stacks.OrderBy(s => s.Name, StringComparer.Ordinal).ToList());
    }

    /// <summary>The stack of a project type.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No definition has this name.</exception>
    public ProjectStack For(ProjectType type) =>
        _byName.TryGetValue(type.Name, out var stack)
            ? stack
            : throw new ArgumentOutOfRangeException(nameof(type), type.Name, $"No stack is defined for project type '{type.Name}' (defined: {AcceptedNames}).");

    /// <summary>The stack a name or alias denotes, ignoring case, spaces, '-', '_' and '.' ("Node.js", "fast_api"); null when none.</summary>
    public ProjectStack? Find(string? name) =>
        string.IsNullOrWhiteSpace(name) ? null : _byAlias.GetValueOrDefault(NormalizeName(name));

    /// <summary>The one reading of a project type as a user, a request body or a model writes it.</summary>
    public bool TryParse(string? value, out ProjectType projectType, out string error)
    {
        if (Find(value) is { } stack)
        {
            projectType = stack.Type;
            error = "";
            return true;
        }

        projectType = default;
        error = string.IsNullOrWhiteSpace(value)
            ? $"No project type given; use one of {AcceptedNames}."
            : $"Unknown project type '{value.Trim()}'; use one of {AcceptedNames}.";
        return false;
    }

    /// <summary>The stack a request names (its <see cref="ProjectStack.RequestPatterns"/>); when several are named, the first mentioned; null when none.</summary>
    public ProjectType? Detect(string? request)
    {
        if (string.IsNullOrWhiteSpace(request))
        {
            return null;
        }

        (int Index, ProjectStack Stack)? first = null;
        foreach (var (stack, pattern) in _requestPatterns)
        {
            var match = pattern.Match(request);
            if (match.Success && (first is null || match.Index < first.Value.Index))
            {
                first = (match.Index, stack);
            }
        }

        return first?.Stack.Type;
    }

    private static string NormalizeName(string name) =>
        new(name.Trim().ToLowerInvariant().Where(c => !char.IsWhiteSpace(c) && c is not ('-' or '_' or '.')).ToArray());

    private static IEnumerable<string> Check(ProjectStack stack)
    {
        if (!ProjectType.IsWellFormed(stack.Name))
        {
            yield return $"name '{stack.Name}' must be lower case letters, digits and '-', starting with a letter.";
        }

        if (stack.Language == SourceLanguage.Unknown)
        {
            yield return "language must be python, javascript or typescript.";
        }

        if (!stack.BaseImage.Contains(stack.LanguageVersion, StringComparison.Ordinal))
        {
            yield return $"base_image '{stack.BaseImage}' does not name language_version '{stack.LanguageVersion}'.";
        }

        foreach (var pattern in stack.RequestPatterns)
        {
            string? problem = null;
            try
            {
                _ = new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException error)
            {
                problem = $"request pattern '{pattern}' is not a regular expression: {error.Message}";
            }

            if (problem is not null)
            {
                yield return problem;
            }
        }

        foreach (var problem in CheckLayout(stack))
        {
            yield return problem;
        }

        foreach (var duplicate in stack.Packages.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            yield return $"package '{duplicate.Key}' is listed twice.";
        }

        foreach (var package in stack.Packages.Where(p => string.IsNullOrWhiteSpace(p.Name) || string.IsNullOrWhiteSpace(p.Version)))
        {
            yield return $"package '{package.Name}' needs a name and a version constraint.";
        }

        foreach (var problem in CheckEnvironment(stack))
        {
            yield return problem;
        }

        foreach (var problem in CheckRoutesAndCommands(stack))
        {
            yield return problem;
        }

        foreach (var problem in CheckInfrastructureFiles(stack))
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> CheckLayout(ProjectStack stack)
    {
        foreach (var file in stack.Layout.Files)
        {
            var concrete = file.For("entity", "entities");
            if (!WorkspacePath.TryNormalize(concrete, out var normalized, out var problem) || normalized != concrete)
            {
                yield return $"layout path '{file.Path}' is not a normalised workspace path ({problem ?? "normalises to " + normalized}).";
            }

            if (concrete.Contains('{', StringComparison.Ordinal))
            {
                yield return $"layout path '{file.Path}' uses a placeholder other than {LayoutFile.EntityPlaceholder} and {LayoutFile.EntitiesPlaceholder}.";
            }

            if (string.IsNullOrWhiteSpace(file.Holds))
            {
                yield return $"layout path '{file.Path}' must say what it holds.";
            }
        }

        foreach (var owned in stack.OwnedFiles.Where(o => stack.Layout.Files.Any(f => f.Matches(o))))
        {
            yield return $"'{owned}' is both a layout file and an owned infrastructure file.";
        }
    }

    private static IEnumerable<string> CheckEnvironment(ProjectStack stack)
    {
        foreach (var variable in stack.EnvironmentVariables)
        {
            if (!Regex.IsMatch(variable.Name, "^[A-Z][A-Z0-9_]*$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                yield return $"environment variable '{variable.Name}' must be upper case letters, digits and '_'.";
            }

            if (variable.Meaning.Contains('|', StringComparison.Ordinal) || variable.Meaning.Contains('\n', StringComparison.Ordinal))
            {
                yield return $"the meaning of '{variable.Name}' must be one line without '|' (the README shows it in a table).";
            }

            if (variable.Secret && (variable.Default is not null || !variable.RequiredInProduction))
            {
                yield return $"secret '{variable.Name}' must have no default and be required in production.";
            }

            if (variable.RequiredInProduction && variable.Default is not null)
            {
                yield return $"'{variable.Name}' is required in production, so it cannot have a default.";
            }
        }

        foreach (var duplicate in stack.EnvironmentVariables.GroupBy(v => v.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"environment variable '{duplicate.Key}' is declared twice.";
        }

        var start = stack.Commands.Start;
        var port = stack.Variable(start.PortVariable);
        if (port is null)
        {
            yield return $"the start command's port variable {start.PortVariable} is not among the environment variables.";
        }
        else if (port.Default != start.DefaultPort.ToString(CultureInfo.InvariantCulture))
        {
            yield return $"{start.PortVariable} defaults to '{port.Default}' but the start command's default port is {start.DefaultPort}.";
        }

        if (start.DefaultPort is < 1 or > 65535)
        {
            yield return $"default port {start.DefaultPort} is not a TCP port.";
        }

        if (stack.Database is { } database && stack.Variable(database.Variable) is null)
        {
            yield return $"the database variable {database.Variable} is not among the environment variables.";
        }
    }

    private static IEnumerable<string> CheckRoutesAndCommands(ProjectStack stack)
    {
        var routes = stack.Routes;
        foreach (var (key, route) in new[] { ("health", routes.Health), ("collection", routes.Collection), ("item", routes.Item) })
        {
            if (!route.StartsWith('/'))
            {
                yield return $"route {key} '{route}' must start with '/'.";
            }
        }

        if (!routes.Collection.Contains(StackRoutes.ResourcePlaceholder, StringComparison.Ordinal) || !routes.Item.Contains(StackRoutes.ResourcePlaceholder, StringComparison.Ordinal))
        {
            yield return $"the collection and item routes must contain {StackRoutes.ResourcePlaceholder}.";
        }

        if (!routes.Item.Contains("{id}", StringComparison.Ordinal))
        {
            yield return "the item route must contain {id}.";
        }

        var commands = stack.Commands;
        foreach (var (key, command) in new (string, CommandLine)[] { ("install", commands.Install), ("production_install", commands.ProductionInstall), ("test", commands.Test), ("start", commands.Start) })
        {
            if (command.Argv.Count == 0 || command.Argv.Any(string.IsNullOrWhiteSpace))
            {
                yield return $"command {key} needs a non-empty argv without blank arguments.";
            }
        }

        var report = commands.Test.Report;
        if ((report.Location == TestReportLocation.File) != (report.Path is not null))
        {
            yield return "the test report has a path exactly when its location is file.";
        }
        else if (report.Path is { } path && (!WorkspacePath.TryNormalize(path, out var normalized, out _) || normalized != path))
        {
            yield return $"the test report path '{path}' is not a normalised workspace path.";
        }
        else if (report.Path is { } reportPath && !commands.Test.Argv.Any(a => a.Contains(reportPath, StringComparison.Ordinal)))
        {
            yield return $"the test command does not name its report file '{reportPath}'.";
        }

        if (stack.Smoke.ProbeArgv.Count == 0 || stack.Smoke.ProbeArgv.Any(string.IsNullOrWhiteSpace))
        {
            yield return "smoke.probe_argv needs a non-empty argv without blank arguments (the URL is appended to it).";
        }

        if (stack.Smoke.StartupSeconds < 1)
        {
            yield return "smoke.startup_seconds must be at least 1.";
        }
    }

    private static IEnumerable<string> CheckInfrastructureFiles(ProjectStack stack)
    {
        foreach (var file in stack.InfrastructureFiles)
        {
            if (!WorkspacePath.TryNormalize(file.OutputPath, out var normalized, out _) || normalized != file.OutputPath)
            {
                yield return $"infrastructure output '{file.OutputPath}' is not a normalised workspace path.";
            }

            if (file.TemplateName.Contains("..", StringComparison.Ordinal) || file.TemplateName.StartsWith('/') || !file.TemplateName.EndsWith(".sbn", StringComparison.Ordinal))
            {
                yield return $"template '{file.TemplateName}' must be a .sbn path inside the templates directory.";
            }
        }

        foreach (var duplicate in stack.InfrastructureFiles.GroupBy(f => f.OutputPath, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"infrastructure output '{duplicate.Key}' is written twice.";
        }

        if (!stack.InfrastructureFiles.Any(f => f.Owned && f.OutputPath == stack.ManifestPath))
        {
            yield return $"the {stack.PackageManager.ToString().ToLowerInvariant()} manifest {stack.ManifestPath} must be an owned infrastructure file.";
        }
    }

    private static IEnumerable<string> CheckCollisions(IReadOnlyList<ProjectStack> stacks)
    {
        foreach (var duplicate in stacks.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return $"stack '{duplicate.Key}' is defined {duplicate.Count()} times.";
        }

        var claims = stacks
            .SelectMany(s => s.Aliases.Prepend(s.Name).Select(a => (Key: NormalizeName(a), Written: a, Stack: s.Name)))
            .GroupBy(c => c.Key, StringComparer.Ordinal)
            .Where(g => g.Select(c => c.Stack).Distinct(StringComparer.Ordinal).Count() > 1);
        foreach (var claim in claims)
        {
            yield return $"the name '{claim.First().Written}' is claimed by {string.Join(" and ", claim.Select(c => c.Stack).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))}.";
        }
    }

    private static JsonSerializerOptions CreateDefinitionJson()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = false,
        };
        options.Converters.Add(new SourceLanguageNameConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>"python", "javascript", "typescript" as <see cref="SourceLanguage"/>.</summary>
    private sealed class SourceLanguageNameConverter : JsonConverter<SourceLanguage>
    {
        public override SourceLanguage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            return Enum.TryParse<SourceLanguage>(name, ignoreCase: true, out var language) && language != SourceLanguage.Unknown && !int.TryParse(name, out _)
                ? language
                : throw new JsonException($"'{name}' is not a language (python, javascript or typescript).");
        }

        public override void Write(Utf8JsonWriter writer, SourceLanguage value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString().ToLowerInvariant());
    }
}
