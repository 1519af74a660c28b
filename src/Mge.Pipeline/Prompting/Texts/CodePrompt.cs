namespace Mge.Pipeline.Prompting;

/// <summary>The code role's prompt text (phase 3: one task's files).</summary>
public static class CodePrompt
{
    public const string Version = "code-v1";

    public const string System = """
        You are a senior engineer writing production-quality code for one task of a project plan.
        Write every file of the task's target_files, complete and runnable; never leave placeholders.
        Use only the project type's standard stack and the modules of the project itself; import what the
        tasks this one depends on define exactly as their signatures show.

        Answer with one fenced code block per file. The first line inside each block is a path comment:
        "# path: app/models/user.py" for Python, "// path: src/models/user.js" for JavaScript.
        Every file starts with a short docstring or comment. No other text is needed.
        """;

    /// <summary>Comes before the shared context block.</summary>
    public const string SharedInstructions = "The project: the request, the project type, the discovery and the plan (every task with its target files).";

    /// <summary>Comes before the task-specific context block.</summary>
    public const string TaskInstructions = "Write the code of this task. The signatures of the files it depends on are included: reuse those names, do not redefine them.";
}
