// argon2id hashing and every rule of the password policy.

#include "api/auth/password.h"

#include <gtest/gtest.h>

#include <set>

namespace zj::auth {
namespace {

TEST(AuthPassword, HashAndVerify) {
  auto h = HashPassword("Jiancha#2025x", HashParams::Min());
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->rfind("$argon2id$", 0), 0u) << *h;
  EXPECT_TRUE(VerifyPassword(*h, "Jiancha#2025x"));
  EXPECT_FALSE(VerifyPassword(*h, "Jiancha#2025X"));
  EXPECT_FALSE(VerifyPassword(*h, ""));
  EXPECT_FALSE(VerifyPassword("not a hash", "Jiancha#2025x"));
  EXPECT_FALSE(VerifyPassword("", ""));
  // Salted: the same password hashes differently.
  EXPECT_NE(*h, *HashPassword("Jiancha#2025x", HashParams::Min()));
}

TEST(AuthPassword, NeedsRehashWhenParametersChange) {
  const HashParams min = HashParams::Min();
  auto h = HashPassword("Jiancha#2025x", min);
  ASSERT_TRUE(h.ok());
  EXPECT_FALSE(NeedsRehash(*h, min));
  HashParams more = min;
  more.opslimit += 1;
  EXPECT_TRUE(NeedsRehash(*h, more));
  EXPECT_TRUE(NeedsRehash(*h, HashParams{}));  // production (INTERACTIVE) limits
}

Status Policy(std::string_view user, std::string_view password) {
  return CheckPasswordPolicy(user, password);
}

bool Says(const Status& s, std::string_view text) {
  return s.message().find(text) != std::string::npos;
}

TEST(AuthPassword, PolicyLength) {
  EXPECT_TRUE(Policy("zhangsan", "Abcdef12#x").ok());  // exactly 10
  Status s = Policy("zhangsan", "Abcdef12#");          // 9
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(Says(s, "长度至少 10 个字符（现为 9 个）")) << s.message();
  // Characters, not bytes: 3 Chinese characters are 9 bytes but 3 characters.
  s = Policy("zhangsan", "检察院Ab1");
  EXPECT_TRUE(Says(s, "现为 6 个")) << s.message();
  EXPECT_TRUE(Policy("zhangsan", "刑事执行检察Ab12").ok());  // other + upper + lower + digit
}

TEST(AuthPassword, PolicyThreeOfFourClasses) {
  EXPECT_TRUE(Policy("u1", "abcdefgh12AB").ok());  // lower upper digit
  EXPECT_TRUE(Policy("u1", "abcdefgh12!!").ok());  // lower digit other
  EXPECT_TRUE(Policy("u1", "ABCDEFGH12!!").ok());  // upper digit other
  EXPECT_TRUE(Policy("u1", "abcdefghAB!!").ok());  // lower upper other
  EXPECT_TRUE(Policy("u1", "abcdEFGH12 !").ok());  // a space is a symbol
  for (const char* two : {"abcdefgh1234", "ABCDEFGH1234", "abcdefghABCD", "abcdefgh!!!!",
                          "1234567890!!", "zxcvbnmasdfg"}) {
    Status s = Policy("u1", two);
    EXPECT_TRUE(Says(s, "至少三类")) << two << ": " << s.message();
  }
}

TEST(AuthPassword, PolicyUsername) {
  Status s = Policy("zhangsan", "Zhangsan#2025");
  EXPECT_TRUE(Says(s, "不得包含用户名")) << s.message();
  s = Policy("zhangsan", "x#ZHANGSAN#2025");
  EXPECT_TRUE(Says(s, "不得包含用户名")) << s.message();
  EXPECT_TRUE(Policy("zhangsan", "Zhang#san2025").ok());
}

TEST(AuthPassword, PolicyCommonPasswords) {
  for (const char* common :
       {"P@ssw0rd123", "Password@123", "1qaz@WSX3edc", "Admin@123456", "Woaini@1314"}) {
    Status s = Policy("zhangsan", common);
    EXPECT_TRUE(Says(s, "过于常见")) << common << ": " << s.message();
  }
}

TEST(AuthPassword, PolicyListsEveryBrokenRule) {
  Status s = Policy("abc", "abcabc");
  EXPECT_TRUE(Says(s, "密码不符合要求：")) << s.message();
  EXPECT_TRUE(Says(s, "长度至少"));
  EXPECT_TRUE(Says(s, "至少三类"));
  EXPECT_TRUE(Says(s, "不得包含用户名"));
}

TEST(AuthPassword, GeneratedPasswordsPassAndDiffer) {
  std::set<std::string> seen;
  for (int i = 0; i < 50; ++i) {
    const std::string p = GeneratePassword("zhangsan");
    EXPECT_EQ(p.size(), 16u);
    EXPECT_TRUE(Policy("zhangsan", p).ok()) << p;
    EXPECT_EQ(p.find_first_of("Il1O0"), std::string::npos) << p;
    seen.insert(p);
  }
  EXPECT_EQ(seen.size(), 50u);
}

TEST(AuthPassword, RandomTokens) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const std::string t = RandomToken();
    EXPECT_EQ(t.size(), 43u);  // 32 bytes, base64url without padding
    EXPECT_EQ(
        t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos)
        << t;
    seen.insert(t);
  }
  EXPECT_EQ(seen.size(), 100u);
  EXPECT_EQ(RandomToken(16).size(), 22u);
}

}  // namespace
}  // namespace zj::auth
