using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Mge.Sandbox;

/// <summary>kill(2), which .NET does not expose for process groups or for processes that are not our children.</summary>
internal static partial class NativeSignals
{
    private const int SigKill = 9;
    private const int NoSuchProcess = 3; // ESRCH

    /// <summary>SIGKILL to every process of a process group; a group already gone is fine.</summary>
    public static void KillGroup(int processGroupId) => Send(-processGroupId);

    /// <summary>SIGKILL to one process; a process already gone is fine.</summary>
    public static void KillProcess(int processId) => Send(processId);

    private static void Send(int target)
    {
        if (Kill(target, SigKill) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error != NoSuchProcess)
            {
                throw new Win32Exception(error, $"kill({target}, SIGKILL) failed");
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
