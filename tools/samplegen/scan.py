"""Scanner simulation: turn a clean 300 dpi rendering into a plausible scan, driven by a seed.

Pure PIL (no numpy). Every random choice comes from the random.Random passed in.
"""

import io

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

PAPER_TINTS = [(250, 246, 235), (246, 240, 222), (238, 232, 210), (252, 252, 248)]


def make_profile(rng, quality, colour=None, rotate=None, archive=False):
    """A dict of degradation parameters. quality: clean | poor."""
    if quality == "clean":
        p = {"quality": "clean", "skew": round(rng.uniform(-0.3, 0.3), 2), "blur": 0.0, "noise": 0,
             "speckles": 0, "uneven": 0.0, "jpeg_q": None, "colour": colour or rng.choice(["grey", "bilevel"])}
    else:
        p = {"quality": "poor", "skew": round(rng.choice([-1, 1]) * rng.uniform(1.0, 3.0), 2),
             "blur": round(rng.uniform(0.7, 1.4), 2), "noise": rng.randint(4, 10),
             "speckles": rng.randint(150, 700), "uneven": round(rng.uniform(0.08, 0.22), 2),
             "jpeg_q": rng.randint(25, 45), "colour": colour or rng.choice(["grey", "grey", "bilevel", "colour"])}
    if archive:
        p["uneven"] = max(p["uneven"], 0.12)
        p["fade"] = rng.randint(40, 90)
    p["rotate"] = rotate or {}  # page index (0-based) -> 90 | 180 | 270
    return p


def _skew(im, angle):
    if abs(angle) < 0.01:
        return im
    return im.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)


def _uneven(im, rng, strength):
    """Multiply by a smooth random illumination field (darker corners, a shadow band)."""
    w, h = 6, 8
    small = Image.new("L", (w, h))
    small.putdata([int(255 * (1 - strength * rng.random())) for _ in range(w * h)])
    field = small.resize(im.size, Image.BICUBIC)
    # a darker band along one edge, as from a book spine or lid gap
    band = Image.new("L", im.size, 255)
    d = ImageDraw.Draw(band)
    if rng.random() < 0.5:
        x = rng.choice([0, im.size[0] - 90])
        d.rectangle((x, 0, x + 90, im.size[1]), fill=int(255 * (1 - strength)))
        band = band.filter(ImageFilter.GaussianBlur(40))
    return ImageChops.multiply(ImageChops.multiply(im, field), band)


def _noise(im, rng, amp):
    w, h = im.size
    # low-resolution noise upscaled a little keeps it grainy but cheap
    nw, nh = w // 2, h // 2
    noise = Image.frombytes("L", (nw, nh), rng.randbytes(nw * nh)).resize((w, h), Image.NEAREST)
    lut = [int(v * 2 * amp / 255) for v in range(256)]
    noise = noise.point(lut)
    return ImageChops.add(im, noise, scale=1.0, offset=-amp)


def _speckles(im, rng, n):
    d = ImageDraw.Draw(im)
    w, h = im.size
    for _ in range(n):
        x, y = rng.randint(0, w - 1), rng.randint(0, h - 1)
        r = rng.choice([1, 1, 2, 2, 3, 4])
        d.ellipse((x - r, y - r, x + r, y + r), fill=rng.randint(0, 90))
    return im


def _fade(im, amount):
    # lift the blacks: typewriter ink that has faded
    lut = [min(255, amount + int(v * (255 - amount) / 255)) for v in range(256)]
    return im.point(lut)


def _jpeg(im, q):
    b = io.BytesIO()
    im.save(b, "JPEG", quality=q)
    b.seek(0)
    out = Image.open(b)
    out.load()
    return out


def degrade(im, profile, rng, page_index=0):
    """Return the scanned page: mode L (grey), 1 (bilevel) or RGB (colour)."""
    im = im.copy()
    if profile.get("fade"):
        im = _fade(im, profile["fade"])
    im = _skew(im, profile["skew"] + (rng.uniform(-0.4, 0.4) if profile["quality"] == "poor" else 0))
    if profile["uneven"]:
        im = _uneven(im, rng, profile["uneven"])
    if profile["speckles"]:
        im = _speckles(im, rng, profile["speckles"])
    if profile["noise"]:
        im = _noise(im, rng, profile["noise"])
    if profile["blur"]:
        # optics and sensor: blur after noise, as a scanner does
        im = im.filter(ImageFilter.GaussianBlur(profile["blur"]))
    if profile["jpeg_q"]:
        im = _jpeg(im, profile["jpeg_q"])
    rot = profile["rotate"].get(page_index)
    if rot:
        # the sheet went into the scanner turned; PIL rotates counter-clockwise
        im = im.rotate(rot, expand=True)
    colour = profile["colour"]
    if colour == "bilevel":
        thr = 150 if profile["quality"] == "poor" else 160
        im = im.point(lambda v: 255 if v > thr else 0).convert("1", dither=Image.NONE)
    elif colour == "colour":
        tint = PAPER_TINTS[rng.randrange(len(PAPER_TINTS))]
        im = ImageOps.colorize(im, black=(25, 20, 30), white=tint)
    return im
