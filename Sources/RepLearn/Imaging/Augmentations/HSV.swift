/// RGB ↔ HSV (hexcone model, as Python's colorsys and torchvision's hue adjustment), all
/// components in [0, 1]; hue is a fraction of a full turn (0 red, 1/3 green, 2/3 blue).
public enum HSV {
    /// v = max, s = (max − min) / max (0 for black), h from the sector of the largest component.
    @inline(__always)
    public static func fromRGB(_ r: Float, _ g: Float, _ b: Float) -> (h: Float, s: Float, v: Float) {
        let maxc = max(r, g, b), minc = min(r, g, b)
        let chroma = maxc - minc
        guard chroma > 0 else { return (0, 0, maxc) }
        let s = chroma / maxc
        var h: Float
        if maxc == r { h = (g - b) / chroma }
        else if maxc == g { h = 2 + (b - r) / chroma }
        else { h = 4 + (r - g) / chroma }
        h /= 6
        if h < 0 { h += 1 }
        return (h, s, maxc)
    }

    /// Inverse of ``fromRGB(_:_:_:)``; h is taken modulo 1.
    @inline(__always)
    public static func toRGB(_ h: Float, _ s: Float, _ v: Float) -> (r: Float, g: Float, b: Float) {
        guard s > 0 else { return (v, v, v) }
        var hh = (h - h.rounded(.down)) * 6
        if hh >= 6 { hh = 0 }
        let sector = Int(hh)
        let f = hh - Float(sector)
        let p = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f))
        switch sector {
        case 0: return (v, t, p)
        case 1: return (q, v, p)
        case 2: return (p, v, t)
        case 3: return (p, q, v)
        case 4: return (t, p, v)
        default: return (v, p, q)
        }
    }
}
