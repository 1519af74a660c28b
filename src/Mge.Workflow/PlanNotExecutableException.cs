namespace Mge.Workflow;

/// <summary>The plan's task graph cannot be scheduled: a task depends on a task that does not exist, or the dependencies form a cycle.</summary>
internal sealed class PlanNotExecutableException(string message) : Exception(message);
