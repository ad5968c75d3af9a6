using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ScoreScope.Runs;

/// <summary>Who holds a run's lock: the content of <see cref="RunLock.FileName"/>.</summary>
/// <param name="ProcessId">The holder's process id.</param>
/// <param name="Host">The holder's machine name.</param>
/// <param name="StartedUtc">When the holder took the lock.</param>
/// <param name="ProcessStartUtc">When the holder process started (guards against a reused pid), if known.</param>
/// <param name="Command">What the holder runs (e.g. "train").</param>
public sealed record RunLockInfo(int ProcessId, string Host, DateTime StartedUtc, DateTime? ProcessStartUtc, string Command)
{
    /// <summary>The lock of the current process for <paramref name="command"/>.</summary>
    public static RunLockInfo Current(string command)
    {
        using var self = Process.GetCurrentProcess();
        return new RunLockInfo(Environment.ProcessId, Environment.MachineName, DateTime.UtcNow, self.StartTime.ToUniversalTime(), command);
    }

    /// <summary>
    /// Whether the holder may still be running: false only when it ran on this host and no process with its id and start
    /// time exists. A holder on another host is assumed alive (it cannot be checked from here).
    /// </summary>
    public bool IsAlive
    {
        get
        {
            if (!string.Equals(Host, Environment.MachineName, StringComparison.Ordinal)) return true;
            if (ProcessId == Environment.ProcessId) return true;
            try
            {
                using var process = Process.GetProcessById(ProcessId);
                if (process.HasExited) return false;
                return ProcessStartUtc is not { } start || Math.Abs((process.StartTime.ToUniversalTime() - start).TotalSeconds) < 2;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }

    /// <summary>One line for messages: "pid 123 on host h (train, since 2026-12-03T16:40:00Z)".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"pid {ProcessId} on host {Host} ({Command}, since {StartedUtc:yyyy-MM-ddTHH:mm:ssZ})");

    /// <summary>The JSON text of the lock file.</summary>
    public string ToJson() => new JsonObject
    {
        ["pid"] = ProcessId,
        ["host"] = Host,
        ["started-utc"] = StartedUtc.ToString("O", CultureInfo.InvariantCulture),
        ["process-start-utc"] = ProcessStartUtc?.ToString("O", CultureInfo.InvariantCulture),
        ["command"] = Command,
    }.ToJsonString() + "\n";

    /// <summary>Parses a lock file's text; null when it is not a complete lock (e.g. empty).</summary>
    public static RunLockInfo? Parse(string json)
    {
        try
        {
            if (JsonNode.Parse(json) is not JsonObject o) return null;
            var pid = o["pid"]?.GetValue<int>();
            var host = o["host"]?.GetValue<string>();
            var started = o["started-utc"]?.GetValue<string>();
            if (pid is null || host is null || started is null) return null;
            var processStart = o["process-start-utc"]?.GetValue<string>();
            return new RunLockInfo(pid.Value, host, ParseTime(started),
                processStart is null ? null : ParseTime(processStart), o["command"]?.GetValue<string>() ?? "unknown");
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    static DateTime ParseTime(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime();
}
