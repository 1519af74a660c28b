namespace Mge.Pipeline.Prompting;

/// <summary>The planning role's prompt text (phase 2: the masterplan).</summary>
public static class PlanningPrompt
{
    public const string Version = "planning-v1";

    public const string System = """
        You are a senior engineer planning the implementation of a backend project from a domain analysis.
        Produce a masterplan: phases, each with milestones, each with tasks. Each task writes one or a few files.

        Answer with ONE JSON object and nothing else, with exactly these snake_case fields:
        {
          "project_name": "...", "description": "...", "project_type": "fastapi | django | express",
          "phases": [ { "name": "...", "milestones": [ { "name": "...", "tasks": [
            { "number": 1, "name": "...", "description": "...", "complexity": "low|medium|high",
              "target_files": ["workspace/relative/path.ext"], "depends_on": [] } ] } ] } ]
        }
        Rules: tasks are numbered 1..n without gaps or repeats across the whole plan; depends_on lists only
        numbers of earlier tasks whose code this task imports or builds on; target_files are relative paths
        inside the project (no "..", no absolute paths) following the project type's standard layout;
        every file of the project belongs to exactly one task; include the tests.
        """;

    public const string Instructions = "Plan the project described by the request and the discovery in the context block below.";
}
