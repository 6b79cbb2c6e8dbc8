namespace StandbyOps.Metrics.Instruments;

/// <summary>Lock-free doubles kept as their bit pattern in a <see cref="long"/>.</summary>
/// <remarks>
/// The compare-exchange loop compares bits, not values: comparing doubles would spin forever once the
/// value is NaN, because NaN never equals itself.
/// </remarks>
internal static class AtomicDouble
{
    public static double Read(ref long bits) => BitConverter.Int64BitsToDouble(Interlocked.Read(ref bits));

    public static void Set(ref long bits, double value) => Interlocked.Exchange(ref bits, BitConverter.DoubleToInt64Bits(value));

    public static void Add(ref long bits, double amount)
    {
        var observed = Interlocked.Read(ref bits);
        while (true)
        {
            var updated = BitConverter.DoubleToInt64Bits(BitConverter.Int64BitsToDouble(observed) + amount);
            var actual = Interlocked.CompareExchange(ref bits, updated, observed);
            if (actual == observed)
            {
                return;
            }

            observed = actual;
        }
    }
}
