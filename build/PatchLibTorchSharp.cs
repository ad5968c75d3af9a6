// MSBuild inline task (RoslynCodeTaskFactory): makes TorchSharp's libLibTorchSharp.so loadable on hosts whose
// libstdc++ stops before GLIBCXX_3.4.32. See TorchSharpGlibcFix.targets for the why; this file is the how.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class ScoreScopePatchLibTorchSharp : Task
{
    const string MissingVersion = "GLIBCXX_3.4.32";
    const string MissingSymbol = "_ZSt21ios_base_library_initv";
    const string Replacement = "_ZNSt6locale7classicEv";
    const ushort VerFlagWeak = 0x2;

    [Required] public string Directory { get; set; } = "";
    [Output] public string Patched { get; set; } = "";

    public override bool Execute()
    {
        if (!System.IO.Directory.Exists(Directory)) return true;
        if (HostHasVersion()) { Log.LogMessage(MessageImportance.Low, "libstdc++ has " + MissingVersion + ": TorchSharp needs no patch."); return true; }
        var done = new StringBuilder();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory, "libLibTorchSharp.so", SearchOption.AllDirectories))
        {
            try
            {
                int n = PatchFile(file);
                if (n > 0)
                {
                    Log.LogMessage(MessageImportance.High, "ScoreScope: patched " + file + " for a libstdc++ without " + MissingVersion + " (" + n + " symbol(s)).");
                    done.Append(file).Append(';');
                }
            }
            catch (Exception e)
            {
                Log.LogWarning("ScoreScope: could not patch " + file + ": " + e.Message);
            }
        }
        Patched = done.ToString();
        return true;
    }

    static bool HostHasVersion()
    {
        string[] dirs = { "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib", "/usr/local/lib64", "/usr/local/lib" };
        var needle = Encoding.ASCII.GetBytes(MissingVersion + "\0");
        foreach (var d in dirs)
        {
            var path = Path.Combine(d, "libstdc++.so.6");
            if (!File.Exists(path)) continue;
            var bytes = File.ReadAllBytes(path);
            if (IndexOf(bytes, needle, 0) >= 0) return true;
        }
        // No libstdc++ with that version found: patching is harmless (the requirement only becomes weak), so go ahead.
        return false;
    }

    static int IndexOf(byte[] hay, byte[] needle, int start)
    {
        for (int i = start; i <= hay.Length - needle.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && hay[i + j] == needle[j]) j++;
            if (j == needle.Length) return i;
        }
        return -1;
    }

    struct Section { public uint Name, Type; public ulong Offset, Size, Link; }

    /// <summary>Returns the number of symbols rebound; 0 when the file needs nothing (already patched, or not affected).</summary>
    static int PatchFile(string path)
    {
        byte[] b = File.ReadAllBytes(path);
        if (b.Length < 64 || b[0] != 0x7f || b[1] != (byte)'E' || b[2] != (byte)'L' || b[3] != (byte)'F') throw new InvalidDataException("not an ELF file");
        if (b[4] != 2 || b[5] != 1) throw new InvalidDataException("only little-endian ELF64 is supported");
        ulong shoff = BitConverter.ToUInt64(b, 0x28);
        int shentsize = BitConverter.ToUInt16(b, 0x3A), shnum = BitConverter.ToUInt16(b, 0x3C), shstrndx = BitConverter.ToUInt16(b, 0x3E);
        var sections = new Section[shnum];
        for (int i = 0; i < shnum; i++)
        {
            int o = checked((int)shoff + i * shentsize);
            sections[i] = new Section
            {
                Name = BitConverter.ToUInt32(b, o), Type = BitConverter.ToUInt32(b, o + 4),
                Offset = BitConverter.ToUInt64(b, o + 0x18), Size = BitConverter.ToUInt64(b, o + 0x20), Link = BitConverter.ToUInt32(b, o + 0x28)
            };
        }
        string SectionName(int i) => CString(b, (int)sections[shstrndx].Offset + (int)sections[i].Name);
        int dynsym = -1, versym = -1, verneed = -1;
        for (int i = 0; i < shnum; i++)
        {
            switch (SectionName(i))
            {
                case ".dynsym": dynsym = i; break;
                case ".gnu.version": versym = i; break;
                case ".gnu.version_r": verneed = i; break;
            }
        }
        if (dynsym < 0 || versym < 0 || verneed < 0) throw new InvalidDataException("missing .dynsym, .gnu.version or .gnu.version_r");
        int dynstr = (int)sections[dynsym].Link;
        int strOff = (int)sections[dynstr].Offset;

        // 1. .gnu.version_r: find the GLIBCXX_3.4.32 requirement, mark it weak, remember its version index.
        int versionIndex = -1;
        int vn = (int)sections[verneed].Offset;
        while (true)
        {
            int cnt = BitConverter.ToUInt16(b, vn + 2);
            int aux = vn + (int)BitConverter.ToUInt32(b, vn + 8);
            for (int k = 0; k < cnt; k++)
            {
                string name = CString(b, strOff + (int)BitConverter.ToUInt32(b, aux + 8));
                if (name == MissingVersion)
                {
                    ushort flags = BitConverter.ToUInt16(b, aux + 4);
                    WriteUInt16(b, aux + 4, (ushort)(flags | VerFlagWeak));
                    versionIndex = BitConverter.ToUInt16(b, aux + 6) & 0x7fff;
                }
                uint next = BitConverter.ToUInt32(b, aux + 12);
                if (next == 0) break;
                aux += (int)next;
            }
            uint vnNext = BitConverter.ToUInt32(b, vn + 12);
            if (vnNext == 0) break;
            vn += (int)vnNext;
        }
        if (versionIndex < 0) return 0; // the library does not need GLIBCXX_3.4.32 at all

        // 2. and 3. every symbol bound to that version: make it global and rename it in place.
        int symCount = (int)(sections[dynsym].Size / 24);
        int rebound = 0;
        for (int i = 0; i < symCount; i++)
        {
            int vo = (int)sections[versym].Offset + 2 * i;
            if ((BitConverter.ToUInt16(b, vo) & 0x7fff) != versionIndex) continue;
            int nameOff = strOff + (int)BitConverter.ToUInt32(b, (int)sections[dynsym].Offset + 24 * i);
            string name = CString(b, nameOff);
            if (name != MissingSymbol) throw new InvalidDataException("unexpected symbol " + name + " bound to " + MissingVersion);
            WriteUInt16(b, vo, 1);
            var repl = Encoding.ASCII.GetBytes(Replacement);
            for (int j = 0; j < name.Length; j++) b[nameOff + j] = j < repl.Length ? repl[j] : (byte)0;
            rebound++;
        }
        if (rebound == 0) return 0; // already patched

        string tmp = path + ".scorescope-tmp";
        File.WriteAllBytes(tmp, b);
        File.Replace(tmp, path, null); // atomic rename; also breaks any hard link into the NuGet cache
        return rebound;
    }

    static string CString(byte[] b, int offset)
    {
        int end = offset;
        while (end < b.Length && b[end] != 0) end++;
        return Encoding.ASCII.GetString(b, offset, end - offset);
    }

    static void WriteUInt16(byte[] b, int offset, ushort value)
    {
        b[offset] = (byte)value;
        b[offset + 1] = (byte)(value >> 8);
    }
}
