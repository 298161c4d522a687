#pragma once
// Deterministic pseudo-random numbers for the generator: xoshiro256** seeded through
// splitmix64. A stream is derived from (run seed, purpose, index), so independent parts
// of the province (one prisoner, one trajectory) draw the same numbers whatever else is
// generated before them. Never seeded from the clock or std::random_device.
// Not thread-safe per object; independent objects may be used from different threads.

#include <cmath>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace zj::synth {

inline uint64_t SplitMix64(uint64_t* state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// Mixes two words into one well-spread word (for stream derivation and hashing).
inline uint64_t Mix(uint64_t a, uint64_t b) {
  uint64_t s = a ^ (b * 0xd1b54a32d192ed03ULL + 0x8cb92ba72f3d8dd7ULL);
  return SplitMix64(&s);
}

// FNV-1a of a string, for deriving streams from ids.
inline uint64_t HashString(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

// What a stream is for; part of the stream's derivation.
enum class Stream : uint64_t {
  kOrgs = 1,
  kStaff,
  kPrisoners,
  kPrisonLife,
  kCourtCorrections,
  kCorrectionLife,
  kTrajectory,
  kDetentions,
  kRsdl,
  kCompulsoryMedical,
  kDeaths,
  kPlant,
  kAnchors,
  kProperty,
  kAttachments,
};

class Rng {
 public:
  explicit Rng(uint64_t seed) { Seed(seed); }
  Rng(uint64_t seed, Stream stream, uint64_t index = 0)
      : Rng(Mix(Mix(seed, static_cast<uint64_t>(stream)), index)) {}

  uint64_t Next() {
    const uint64_t result = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return result;
  }

  // Uniform in [0, 1).
  double Uniform() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }
  double Uniform(double lo, double hi) { return lo + (hi - lo) * Uniform(); }
  // Uniform integer in [lo, hi] (inclusive); lo when hi < lo.
  int64_t Range(int64_t lo, int64_t hi) {
    if (hi <= lo) return lo;
    const uint64_t span = static_cast<uint64_t>(hi - lo) + 1;
    return lo + static_cast<int64_t>(Next() % span);
  }
  int Int(int lo, int hi) { return static_cast<int>(Range(lo, hi)); }
  bool Chance(double p) { return Uniform() < p; }
  // Standard normal (Box–Muller, one value per call).
  double Normal() {
    double u = Uniform();
    if (u < 1e-300) u = 1e-300;
    return std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * Uniform());
  }
  // Index drawn with probability proportional to `weights` (all ≥ 0, sum > 0).
  size_t Weighted(std::span<const double> weights) {
    double total = 0;
    for (double w : weights) total += w;
    double x = Uniform() * total;
    for (size_t i = 0; i < weights.size(); ++i) {
      if (x < weights[i]) return i;
      x -= weights[i];
    }
    return weights.size() - 1;
  }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(Range(0, static_cast<int64_t>(v.size()) - 1))];
  }
  template <typename T>
  const T& Pick(std::span<const T> v) {
    return v[static_cast<size_t>(Range(0, static_cast<int64_t>(v.size()) - 1))];
  }
  // Fisher–Yates.
  template <typename T>
  void Shuffle(std::vector<T>* v) {
    for (size_t i = v->size(); i > 1; --i) {
      size_t j = static_cast<size_t>(Range(0, static_cast<int64_t>(i) - 1));
      std::swap((*v)[i - 1], (*v)[j]);
    }
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  void Seed(uint64_t seed) {
    uint64_t x = seed;
    for (uint64_t& w : s_) w = SplitMix64(&x);
  }
  uint64_t s_[4];
};

}  // namespace zj::synth
