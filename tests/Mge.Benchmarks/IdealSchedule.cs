using Mge.Pipeline.Runs;

namespace Mge.Benchmarks;

/// <summary>
/// The best a scheduler can do with a task graph: greedy list scheduling on a fixed number of slots where
/// every task takes the same time and nothing else costs anything. With equal durations, starting the
/// lowest-numbered ready task whenever a slot frees is optimal up to the usual list-scheduling bound, and it is
/// what the workflow's sliding window aims at.
/// </summary>
internal static class IdealSchedule
{
    public static TimeSpan Makespan(IReadOnlyList<TaskNode> tasks, int slots, TimeSpan duration)
    {
        var finish = new Dictionary<int, int>(); // task -> step it finishes at (in units of duration)
        var remaining = tasks.OrderBy(t => t.Number).ToList();
        var running = new List<(int Task, int End)>();
        var now = 0;
        while (remaining.Count > 0 || running.Count > 0)
        {
            foreach (var done in running.Where(r => r.End <= now).ToList())
            {
                finish[done.Task] = done.End;
                running.Remove(done);
            }

            foreach (var ready in remaining.Where(t => t.DependsOn.All(finish.ContainsKey)).ToList())
            {
                if (running.Count == slots)
                {
                    break;
                }

                running.Add((ready.Number, now + 1));
                remaining.Remove(ready);
            }

            if (running.Count == 0 && remaining.Count > 0)
            {
                throw new InvalidOperationException("The plan has a dependency that can never be satisfied.");
            }

            now = running.Count > 0 ? running.Min(r => r.End) : now;
        }

        return duration * (finish.Count == 0 ? 0 : finish.Values.Max());
    }

    public static int CriticalPath(IReadOnlyList<TaskNode> tasks)
    {
        var byNumber = tasks.ToDictionary(t => t.Number);
        var depth = new Dictionary<int, int>();
        int Depth(int number) => depth.TryGetValue(number, out var d)
            ? d
            : depth[number] = 1 + byNumber[number].DependsOn.Where(byNumber.ContainsKey).Select(Depth).DefaultIfEmpty(0).Max();
        return tasks.Count == 0 ? 0 : tasks.Max(t => Depth(t.Number));
    }
}
