namespace StandbyOps.Actors.Kernel;

/// <summary>Base of the kernel's own user-queue messages, so the hot path tells them apart with one type test.</summary>
internal abstract class InternalMessage
{
}
