using Mge.Cli.Runs;

namespace Mge.Cli.Serve;

/// <summary>What <c>mge serve</c> runs with: the port on 127.0.0.1 (0 = any free port) and where runs are stored.</summary>
public sealed record ServeSettings(int Port, RunStorage Storage);
