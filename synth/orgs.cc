// The Sichuan org tree (every scale and seed alike) and procuratorate staff.
//
// Tree: the provincial procuratorate is the single root; the high court, the provincial
// public-security department and the justice department hang under it so that every org
// reaches the root. Below: 21 city and 183 county procuratorates, courts (1 high, 21
// intermediate, 183 basic), police (province, city, county), justice bureaus, the prison
// administration with 32 prisons, 147 detention centres (21 city + 126 county), 183
// correction offices, 161 resident offices and 2 compulsory-treatment hospitals.

#include <string>

#include "synth/builders.h"

namespace zj::synth {
namespace {

struct PrisonSeed {
  const char* name;
  const char* county;
  bool women = false, juvenile = false;
};

constexpr PrisonSeed kPrisons[] = {
    {"四川省成都监狱", "510116"},
    {"四川省锦江监狱", "510118"},
    {"四川省川西监狱", "510114"},
    {"四川省女子监狱", "510112", true, false},
    {"四川省未成年犯管教所", "510117", false, true},
    {"四川省五马坪监狱", "511129"},
    {"四川省雷马屏监狱", "511133"},
    {"四川省沐川监狱", "511129"},
    {"四川省嘉州监狱", "511102"},
    {"四川省乐山监狱", "511112"},
    {"四川省眉州监狱", "511402"},
    {"四川省川北监狱", "511302"},
    {"四川省川中监狱", "511303"},
    {"四川省川东监狱", "511702"},
    {"四川省川南监狱", "511502"},
    {"四川省广元监狱", "510802"},
    {"四川省绵阳监狱", "510703"},
    {"四川省德阳监狱", "510603"},
    {"四川省遂宁监狱", "510903"},
    {"四川省南充监狱", "511304"},
    {"四川省达州监狱", "511703"},
    {"四川省巴中监狱", "511902"},
    {"四川省宜宾监狱", "511503"},
    {"四川省泸州监狱", "510502"},
    {"四川省自贡监狱", "510302"},
    {"四川省内江监狱", "511002"},
    {"四川省资阳监狱", "512002"},
    {"四川省雅安监狱", "511802"},
    {"四川省攀枝花监狱", "510402"},
    {"四川省阿坝监狱", "513201"},
    {"四川省甘孜监狱", "513301"},
    {"四川省凉山监狱", "513401"},
};

bool IsDistrict(const Region& county) {
  return county.name.size() >= 3 && county.name.substr(county.name.size() - 3) == "区";
}

constexpr const char* kExpertFields[] = {
    "减刑假释暂予监外执行监督", "社区矫正检察", "羁押期限监督",
    "财产刑执行监督",           "监管场所检察", "司法工作人员职务犯罪侦查",
    "强制医疗执行监督",         "数字检察",     "未成年人检察"};

}  // namespace

void BuildOrgs(World& w) {
  const Geo& geo = w.geo;
  OrgDirectory& d = w.dir;
  auto add = [&w](std::string id, std::string name, std::string type, std::string parent,
                  std::string region, std::string stationed = {}) {
    w.orgs.push_back({std::move(id), std::move(name), std::move(type), std::move(parent),
                      std::move(region), std::move(stationed)});
  };
  const std::string prov = geo.province().code;
  const std::string prov_name = geo.province().name;
  d.root = prov + "-PROC";
  add(d.root, prov_name + "人民检察院", "prov_proc", "", prov);
  d.high_court = prov + "-COURT";
  add(d.high_court, prov_name + "高级人民法院", "court", d.root, prov);
  const std::string prov_psb = prov + "-PSB";
  add(prov_psb, prov_name + "公安厅", "police", d.root, prov);
  const std::string prov_justice = prov + "-JUSTICE";
  add(prov_justice, prov_name + "司法厅", "justice_bureau", d.root, prov);
  d.prison_admin = prov + "-PRISON-ADMIN";
  add(d.prison_admin, prov_name + "监狱管理局", "justice_bureau", prov_justice, prov);

  const size_t n_cities = geo.cities().size(), n_counties = geo.counties().size();
  d.city_proc.resize(n_cities);
  d.city_court.resize(n_cities);
  d.city_psb.resize(n_cities);
  d.city_justice.resize(n_cities);
  d.city_dc.resize(n_cities);
  for (size_t c = 0; c < n_cities; ++c) {
    const Region& r = geo.cities()[c];
    d.city_proc[c] = r.code + "-PROC";
    add(d.city_proc[c], r.name + "人民检察院", "city_proc", d.root, r.code);
    d.city_court[c] = r.code + "-COURT";
    add(d.city_court[c], r.name + "中级人民法院", "court", d.high_court, r.code);
    d.city_psb[c] = r.code + "-PSB";
    add(d.city_psb[c], r.name + "公安局", "police", prov_psb, r.code);
    d.city_justice[c] = r.code + "-JUSTICE";
    add(d.city_justice[c], r.name + "司法局", "justice_bureau", prov_justice, r.code);
    d.city_dc[c] = r.code + "-DC";
    add(d.city_dc[c], r.name + "看守所", "detention_center", d.city_psb[c], r.code);
  }

  // County detention centres: every county that is not a city district, except the last
  // two in file order (147 = 21 city + 126 county). Districts use their city's centre.
  std::vector<bool> own_dc(n_counties, false);
  int non_district = 0;
  for (size_t i = 0; i < n_counties; ++i) non_district += !IsDistrict(geo.counties()[i]);
  int skip_last = non_district - 126;
  for (size_t i = n_counties; i-- > 0;) {
    if (IsDistrict(geo.counties()[i])) continue;
    if (skip_last > 0) {
      --skip_last;
      continue;
    }
    own_dc[i] = true;
  }

  d.county_proc.resize(n_counties);
  d.county_court.resize(n_counties);
  d.county_psb.resize(n_counties);
  d.county_justice.resize(n_counties);
  d.county_corr.resize(n_counties);
  d.county_dc.resize(n_counties);
  std::vector<std::string> county_full(n_counties);
  for (size_t i = 0; i < n_counties; ++i) {
    const Region& r = geo.counties()[i];
    const int city = geo.CityOf(static_cast<int>(i));
    const Region& cr = geo.cities()[city];
    const bool district = IsDistrict(r);
    const std::string full = district ? cr.name + r.name : r.name;
    county_full[i] = full;
    d.county_proc[i] = r.code + "-PROC";
    add(d.county_proc[i], full + "人民检察院", "county_proc", d.city_proc[city], r.code);
    d.county_court[i] = r.code + "-COURT";
    add(d.county_court[i], full + "人民法院", "court", d.city_court[city], r.code);
    d.county_psb[i] = r.code + "-PSB";
    add(d.county_psb[i], district ? cr.name + "公安局" + r.name + "分局" : full + "公安局",
        "police", d.city_psb[city], r.code);
    d.county_justice[i] = r.code + "-JUSTICE";
    add(d.county_justice[i], full + "司法局", "justice_bureau", d.city_justice[city], r.code);
    d.county_corr[i] = r.code + "-CORR";
    add(d.county_corr[i], full + "社区矫正管理局", "correction_office", d.county_justice[i],
        r.code);
    if (own_dc[i]) {
      d.county_dc[i] = r.code + "-DC";
      add(d.county_dc[i], full + "看守所", "detention_center", d.county_psb[i], r.code);
    } else {
      d.county_dc[i] = d.city_dc[city];
    }
  }

  for (size_t p = 0; p < std::size(kPrisons); ++p) {
    Prison prison;
    char id[48];
    std::snprintf(id, sizeof id, "%s-PRISON-%02zu", prov.c_str(), p + 1);
    prison.id = id;
    prison.name = kPrisons[p].name;
    prison.county = geo.CountyIndex(kPrisons[p].county);
    if (prison.county < 0) prison.county = 0;
    prison.women = kPrisons[p].women;
    prison.juvenile = kPrisons[p].juvenile;
    add(prison.id, prison.name, "prison", d.prison_admin, geo.counties()[prison.county].code);
    d.prisons.push_back(prison);
  }

  d.hospitals = {prov + "-ANKANG-01", prov + "-ANKANG-02"};
  add(d.hospitals[0], prov_name + "安康医院", "hospital", prov_psb, "510112");
  add(d.hospitals[1], "南充市安康医院", "hospital", prov_psb, "511302");

  // Resident offices (派驻检察室): every prison (run by the city procuratorate where it
  // sits) and 129 detention centres (all but the last 18 county centres in file order).
  auto proc_name = [&w](const std::string& id) {
    for (const OrgRow& o : w.orgs) {
      if (o.id == id) return o.name;
    }
    return std::string();
  };
  for (const Prison& p : d.prisons) {
    const std::string parent = d.city_proc[geo.CityOf(p.county)];
    add(p.id + "-RO", proc_name(parent) + "驻" + p.name + "检察室", "resident_office", parent,
        geo.counties()[p.county].code, p.id);
  }
  for (size_t c = 0; c < n_cities; ++c) {
    add(d.city_dc[c] + "-RO",
        proc_name(d.city_proc[c]) + "驻" + geo.cities()[c].name + "看守所检察室", "resident_office",
        d.city_proc[c], geo.cities()[c].code, d.city_dc[c]);
  }
  std::vector<size_t> county_dcs;
  for (size_t i = 0; i < n_counties; ++i) {
    if (own_dc[i]) county_dcs.push_back(i);
  }
  const size_t with_office = county_dcs.size() >= 18 ? county_dcs.size() - 18 : 0;
  for (size_t k = 0; k < with_office; ++k) {
    size_t i = county_dcs[k];
    add(d.county_dc[i] + "-RO", county_full[i] + "人民检察院驻" + county_full[i] + "看守所检察室",
        "resident_office", d.county_proc[i], geo.counties()[i].code, d.county_dc[i]);
  }

  // Staff of the criminal-execution departments and resident offices.
  Rng rng(w.seed, Stream::kStaff);
  size_t n = 0;
  auto add_staff = [&](const std::string& org, const std::string& region_code, int city,
                       std::string_view role) {
    StaffRow s;
    s.id = World::MakeId("ST", ++n);
    char gender = rng.Chance(0.45) ? 'F' : 'M';
    s.name = RandomName(rng, gender);
    s.org = org;
    s.role = role;
    s.since = w.as_of - rng.Int(60, 3650);
    if (role == "prosecutor" || role == "leader" || role == "dept_head") {
      s.fields = kExpertFields[rng.Int(0, std::size(kExpertFields) - 1)];
      if (rng.Chance(0.4)) {
        std::string second = kExpertFields[rng.Int(0, std::size(kExpertFields) - 1)];
        if (second != s.fields) s.fields += ";" + second;
      }
    }
    // Home county: one of the org's city, or anywhere for provincial staff.
    std::vector<int> candidates;
    for (size_t i = 0; i < n_counties; ++i) {
      if (city < 0 || geo.CityOf(static_cast<int>(i)) == city) {
        candidates.push_back(static_cast<int>(i));
      }
    }
    s.home_region = geo.counties()[rng.Pick(candidates)].code;
    (void)region_code;
    w.staff.push_back(std::move(s));
  };
  auto staff_for = [&](const std::string& org, const std::string& region, int city, int count) {
    add_staff(org, region, city, "leader");
    add_staff(org, region, city, "dept_head");
    for (int i = 2; i < count; ++i) {
      static constexpr std::string_view kRoles[] = {"prosecutor", "prosecutor", "assistant",
                                                    "assistant",  "clerk",      "tech"};
      add_staff(org, region, city, kRoles[(i - 2) % std::size(kRoles)]);
    }
  };
  staff_for(d.root, prov, -1, 12);
  for (size_t c = 0; c < n_cities; ++c) {
    staff_for(d.city_proc[c], geo.cities()[c].code, static_cast<int>(c), 8);
  }
  for (size_t i = 0; i < n_counties; ++i) {
    staff_for(d.county_proc[i], geo.counties()[i].code, geo.CityOf(static_cast<int>(i)), 5);
  }
  for (const OrgRow& o : std::vector<OrgRow>(w.orgs)) {
    if (o.type != "resident_office") continue;
    int county = geo.CountyIndex(o.region);
    int city = county >= 0 ? geo.CityOf(county) : geo.CityIndex(o.region);
    add_staff(o.id, o.region, city, "prosecutor");
    add_staff(o.id, o.region, city, "assistant");
  }
}

}  // namespace zj::synth
