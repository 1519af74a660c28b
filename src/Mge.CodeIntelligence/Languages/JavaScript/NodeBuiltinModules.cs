namespace Mge.CodeIntelligence.Languages.JavaScript;

/// <summary>
/// Node 20's built-in modules (taken from <c>require('module').builtinModules</c> of Node 20), which
/// resolve without being declared as dependencies, with or without the <c>node:</c> prefix. A few exist
/// only with the prefix (<c>node:test</c>).
/// </summary>
public static class NodeBuiltinModules
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "_http_agent", "_http_client", "_http_common", "_http_incoming", "_http_outgoing", "_http_server",
        "_stream_duplex", "_stream_passthrough", "_stream_readable", "_stream_transform", "_stream_wrap",
        "_stream_writable", "_tls_common", "_tls_wrap", "assert", "assert/strict", "async_hooks", "buffer",
        "child_process", "cluster", "console", "constants", "crypto", "dgram", "diagnostics_channel", "dns",
        "dns/promises", "domain", "events", "fs", "fs/promises", "http", "http2", "https", "inspector",
        "inspector/promises", "module", "net", "os", "path", "path/posix", "path/win32", "perf_hooks", "process",
        "punycode", "querystring", "readline", "readline/promises", "repl", "stream", "stream/consumers",
        "stream/promises", "stream/web", "string_decoder", "sys", "timers", "timers/promises", "tls",
        "trace_events", "tty", "url", "util", "util/types", "v8", "vm", "wasi", "worker_threads", "zlib",
    };

    private static readonly HashSet<string> PrefixOnlyNames = new(StringComparer.Ordinal)
    {
        "test", "test/reporters", "sea",
    };

    /// <summary>All built-in module names without prefix (the prefix-only ones included).</summary>
    public static IReadOnlyCollection<string> All { get; } = Names.Concat(PrefixOnlyNames).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    /// <summary>True for "fs", "node:fs", "fs/promises", "node:test"; false for "test" or "lodash".</summary>
    public static bool Contains(string specifier)
    {
        ArgumentNullException.ThrowIfNull(specifier);
        if (specifier.StartsWith("node:", StringComparison.Ordinal))
        {
            var name = specifier["node:".Length..];
            return Names.Contains(name) || PrefixOnlyNames.Contains(name);
        }

        return Names.Contains(specifier);
    }
}
