using System.Globalization;

namespace StandbyOps.Server.Hosting;

/// <summary>
/// The SQLite store's guard against a second server on the same data directory: an exclusive lock on
/// <c>standbyops.lock</c> in the directory, held for the server's lifetime (the kernel releases it when the process
/// ends, even on SIGKILL). The file holds the owner's process id for people; the lock, not the file, is what counts.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    /// <summary>The lock file's name inside the data directory.</summary>
    public const string FileName = "standbyops.lock";

    private readonly FileStream _file;

    private DataDirectoryLock(FileStream file) => _file = file;

    /// <summary>Takes the lock on <paramref name="dataDirectory"/> (created when missing); null when another process holds it.</summary>
    public static DataDirectoryLock? TryAcquire(string dataDirectory, int processId)
    {
        Directory.CreateDirectory(dataDirectory);
        FileStream file;
        try
        {
            // FileShare.None is an exclusive flock(2) on Linux and macOS and a sharing lock on Windows.
            file = new FileStream(PathIn(dataDirectory), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }

        file.SetLength(0);
        var owner = System.Text.Encoding.ASCII.GetBytes(processId.ToString(CultureInfo.InvariantCulture) + "\n");
        file.Write(owner);
        file.Flush(flushToDisk: false);
        return new DataDirectoryLock(file);
    }

    /// <summary>The lock file of <paramref name="dataDirectory"/>, as an absolute path.</summary>
    public static string PathIn(string dataDirectory) => Path.Combine(Path.GetFullPath(dataDirectory), FileName);

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _file.Dispose();
}
