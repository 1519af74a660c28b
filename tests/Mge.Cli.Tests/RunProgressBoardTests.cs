using Mge.Cli.Generation;
using Mge.Pipeline.Costs;
using Mge.Pipeline.Progress;
using Mge.Pipeline.Runs;

namespace Mge.Cli.Tests;

public sealed class RunProgressBoardTests
{
    private const string Run = "mge-test";

    [Fact]
    public void Rows_follow_the_pipeline_order()
    {
        var names = new RunProgressBoard().Snapshot().Select(r => r.Name);

        Assert.Equal(["discovery", "masterplan", "code generation", "validation", "atomization", "waves", "execution", "files", "infrastructure", "verification", "delivery"], names);
    }

    [Fact]
    public void Code_generation_progress_counts_tasks_and_never_goes_backwards()
    {
        var board = new RunProgressBoard();
        board.Apply(ProgressEvents.MasterPlanGenerationComplete(Run, 1, 2, 12, 0.01m));
        board.Apply(ProgressEvents.CodeGenerationProgress(Run, 5, "Task model", 5, 12, 300, true));
        board.Apply(ProgressEvents.CodeGenerationProgress(Run, 3, "User model", 4, 12, 300, true));

        var row = Row(board, "code generation");

        Assert.Equal((PhaseRowState.Running, 5, 12), (row.State, row.Done, row.Total));
        Assert.Equal(PhaseRowState.Done, Row(board, "discovery").State);
        Assert.Equal(PhaseRowState.Done, Row(board, "masterplan").State);
    }

    [Fact]
    public void Waves_and_execution_rows_follow_wave_events()
    {
        var board = new RunProgressBoard();
        board.Apply(ProgressEvents.AtomizationComplete(Run, 12, 40));
        board.Apply(ProgressEvents.ExecutionWaveStart(Run, 1, 3, 25, batch: 1));
        board.Apply(ProgressEvents.ExecutionWaveComplete(Run, 1, 24, 1, 0.5, atomsRepaired: 2));
        board.Apply(ProgressEvents.ExecutionWaveComplete(Run, 1, 24, 1, 0.5, atomsRepaired: 2));

        Assert.Equal((1, 3), (Row(board, "waves").Done, Row(board, "waves").Total));
        Assert.Equal((25, 40), (Row(board, "execution").Done, Row(board, "execution").Total));

        board.Apply(ProgressEvents.ExecutionComplete(Run, 3, 40, 37, 2, 1, 0.975));

        Assert.Equal(PhaseRowState.Done, Row(board, "waves").State);
        Assert.Equal((PhaseRowState.Done, 40, 40), (Row(board, "execution").State, Row(board, "execution").Done, Row(board, "execution").Total));
    }

    [Fact]
    public void A_later_phase_completes_the_earlier_rows()
    {
        var board = new RunProgressBoard();
        board.Apply(ProgressEvents.FileWritingProgress(Run, 7, "runs/x/workspace"));
        board.Apply(ProgressEvents.InfrastructureGenerationComplete(Run, 6, "fastapi"));

        Assert.Equal(PhaseRowState.Done, Row(board, "files").State);
        Assert.Equal((PhaseRowState.Done, 6, 6), (Row(board, "infrastructure").State, Row(board, "infrastructure").Done, Row(board, "infrastructure").Total));
        Assert.Equal(PhaseRowState.Pending, Row(board, "delivery").State);
    }

    [Fact]
    public void Cost_updates_set_the_running_totals()
    {
        var board = new RunProgressBoard();

        board.Apply(ProgressEvents.CostUpdate(Run, PipelinePhase.CodeGeneration, "code-0001", "offline", new UsageTotals(100, 50, 10, 0.001m, 1), new UsageTotals(1_000, 500, 100, 0.0123m, 4)));

        Assert.Equal((1_000L, 500L, 100L, 0.0123m), board.Usage);
    }

    [Fact]
    public void An_error_marks_its_phase_failed_with_the_message()
    {
        var board = new RunProgressBoard();
        board.Apply(ProgressEvents.MasterPlanGenerationStart(Run, 100, 0.01m));

        board.Apply(ProgressEvents.Error(Run, PipelinePhase.MasterPlan, "the plan has no tasks"));

        var row = Row(board, "masterplan");
        Assert.Equal(PhaseRowState.Failed, row.State);
        Assert.Equal("the plan has no tasks", row.Detail);
        Assert.Equal(("master_plan", "the plan has no tasks"), board.LastError);
    }

    [Fact]
    public void Validation_rounds_are_counted_as_repairs()
    {
        var board = new RunProgressBoard();

        board.Apply(ProgressEvents.CodeValidationComplete(Run, 0, 19, 4, 0, 3, []));
        board.Apply(ProgressEvents.CodeValidationComplete(Run, 2, 19, 0, 0, 0, []));
        board.Apply(ProgressEvents.CodeValidationComplete(Run, 1, 19, 1, 0, 1, []));

        Assert.Equal(new RepairReport(3, 2), board.Repairs);
        Assert.Equal(PhaseRowState.Done, Row(board, "validation").State);
    }

    [Theory]
    [InlineData("03-code_generation_progress-0007", PipelinePhase.CodeGeneration)]
    [InlineData("10-verification_step_start-install", PipelinePhase.Verification)]
    [InlineData("11-complete-run", PipelinePhase.Delivery)]
    public void Phase_is_read_from_the_event_key(string key, PipelinePhase expected)
    {
        Assert.Equal(expected, RunProgressBoard.PhaseOf(key));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("99-unknown")]
    [InlineData("ab-c")]
    public void Keys_without_a_phase_prefix_have_no_phase(string key)
    {
        Assert.Null(RunProgressBoard.PhaseOf(key));
    }

    private static PhaseRow Row(RunProgressBoard board, string name) => board.Snapshot().Single(r => r.Name == name);
}
